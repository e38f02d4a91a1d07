// jest on Node 20: SWC compiles our TypeScript and the ESM-only Nest packages to CommonJS (see docs/toolchain).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.json');

// Worker threads of the code under test load TypeScript through the project's loader (libs/platform/src/pg/worker-thread.ts).
process.env.TS_WORKER_PRELUDE = path.join(__dirname, 'scripts', 'register.cjs');

const swcTs = ['@swc/jest', {
  jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs' },
}];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  const key = alias.endsWith('/*') ? `^${alias.slice(0, -2)}/(.*)$` : `^${alias}$`;
  moduleNameMapper[key] = path.join('<rootDir>', alias.endsWith('/*') ? target.replace('*', '$1') : target);
}

module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(apps|libs|test)/.*\\.spec\\.ts$',
  // the full-scale scenario runs on its own: npm run test:scenario
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/', '/test/scenario/'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTs, '^.+\\.m?js$': swcJs },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|load-esm|uid|strtok3|token-types|@tokenizer|uint8array-extras|openid-client|oauth4webapi|jose|oidc-provider)/)'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  moduleNameMapper,
  testTimeout: 60000,
};
