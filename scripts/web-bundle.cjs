#!/usr/bin/env node
// Builds the counter desk's bundle (apps/web/dist) when it is missing or older than its sources, so that
// `npm install && npm start` serves the web application with no third command. `--force` always builds.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const web = path.join(root, 'apps', 'web');
const stamp = path.join(web, 'dist', 'index.html');
const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.mts'), path.join(root, 'package-lock.json')];

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

function stale() {
  const built = fs.statSync(stamp, { throwIfNoEntry: false });
  return !built || Math.max(...sources.map(newest)) > built.mtimeMs;
}

if (process.argv.includes('--force') || stale()) {
  console.log('Building the web application (apps/web/dist)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.mts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  precompress(path.join(web, 'dist', 'assets'));
}

/** Brotli and gzip copies of the text assets, written once here so that serving them costs no CPU per request. */
function precompress(dir) {
  const zlib = require('node:zlib');
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const file = path.join(dir, name);
    const content = fs.readFileSync(file);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
  }
}
