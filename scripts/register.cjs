// Runs the TypeScript sources directly: compiles each .ts file with SWC on load (decorators and their metadata
// included) and resolves the @app/* aliases of tsconfig.json. Used by `npm start`, `npm run dossier` and benches.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
// Worker threads started by the libs load TypeScript the same way (libs/platform/src/pg/worker-thread.ts).
process.env.TS_WORKER_PRELUDE = __filename;
const aliases = Object.entries(require(path.join(root, 'tsconfig.json')).compilerOptions.paths)
  .filter(([alias]) => !alias.endsWith('/*'))
  .map(([alias, [target]]) => [alias, path.join(root, target)]);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  for (const [alias, target] of aliases) {
    if (request === alias) return resolve.call(this, target, parent, ...rest);
    if (request.startsWith(`${alias}/`)) return resolve.call(this, path.join(target, request.slice(alias.length + 1)), parent, ...rest);
  }
  return resolve.call(this, request, parent, ...rest);
};

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
