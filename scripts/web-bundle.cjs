#!/usr/bin/env node
// Builds the counter desk's bundle (apps/web/dist) when it is missing or older than its sources, so that
// `npm install && npm start` serves the web application with no third command. `--force` always builds.
// Safe to run from several processes at once (parallel test workers): one builds under a lock, into a folder of its
// own, then swaps it in; the others wait for it and find the bundle fresh.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const web = path.join(root, 'apps', 'web');
const dist = path.join(web, 'dist');
const lock = path.join(web, '.dist.lock');
const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.mts'), path.join(root, 'package-lock.json')];
const LOCK_STALE_MS = 5 * 60_000;

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

function stale() {
  const built = fs.statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false });
  return !built || Math.max(...sources.map(newest)) > built.mtimeMs;
}

function takeLock() {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

function build() {
  console.log('Building the web application (apps/web/dist)…');
  const out = `${dist}.building-${process.pid}`;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', path.join(web, 'vite.config.mts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'];
  // NODE_ENV=production whoever runs it: under jest (NODE_ENV=test) Vite would otherwise bundle React's development build
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env });
  if (result.status !== 0) {
    fs.rmSync(out, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  precompress(path.join(out, 'assets'));
  const old = `${dist}.old-${process.pid}`;
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(out, dist);
  fs.rmSync(old, { recursive: true, force: true });
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

const force = process.argv.includes('--force');
if (force || stale()) {
  takeLock();
  try {
    if (force || stale()) build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
