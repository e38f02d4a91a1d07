import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Every lib and app is used through its public surface: `@app/x` (its index.ts), `@app/x/testing` (test helpers) and
// `@app/platform/pg` (the plain Node/pg half of the platform). A file inside another lib is not an import target.
const PUBLIC_SURFACES = {
  group: ['@app/*/**', '!@app/*/testing', '!@app/platform/pg', '**/libs/*/src/**', '**/apps/*/src/**'],
  message: 'Import another lib or app through its public surface (@app/x, @app/x/testing, @app/platform/pg), never a file inside it.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.cjs', '**/*.mjs', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Not consistent-type-imports: Nest's dependency injection needs constructor parameter types as values
      // (emitDecoratorMetadata), and the rule would turn them into type-only imports.
    },
  },
  {
    files: ['apps/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PUBLIC_SURFACES] }] },
  },
  {
    // The domain is pure: no framework, no I/O, nothing else from the project (DESIGN.md § Dependency rules).
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'kafkajs', '@kurrent/*', 'express', 'rxjs', 'class-validator', 'class-transformer', 'reflect-metadata'], message: 'libs/domain is pure TypeScript: no framework or I/O packages.' },
          { group: ['@app/*', '../../../*', 'node:fs', 'node:net', 'node:http', 'node:child_process', 'fs', 'net', 'http', 'child_process'], message: 'libs/domain imports nothing from the project and does no I/O.' },
          PUBLIC_SURFACES,
        ],
      }],
    },
  },
  {
    // A lib never imports an app.
    files: ['libs/**/*.ts'],
    ignores: ['libs/domain/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@app/intake*', '@app/projector*', '@app/reporting*', '@app/relay*', '@app/standalone*', '../../../apps/*'], message: 'A lib never imports an app.' },
          { group: ['**/test/**'], message: "A lib's specs use test helpers of a lib's testing surface (@app/x/testing), not the end-to-end support of test/." },
          PUBLIC_SURFACES,
        ],
      }],
    },
  },
);
