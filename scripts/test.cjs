#!/usr/bin/env node
// `npm test`: every test (unit, integration against a real PostgreSQL, end-to-end) with the process in one time
// zone, then the pure domain specs again in another, so that nothing depends on the machine's zone.
// Extra arguments go to jest (e.g. `npm test -- libs/domain`).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);
const run = (tz, args) => {
  console.log(`\n▶ jest with TZ=${tz} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [jest, '-c', 'jest.config.js', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
    cwd: path.join(__dirname, '..'),
  });
  return result.status ?? 1;
};

let status = run('America/New_York', extra);
if (status === 0 && extra.length === 0) status = run('UTC', ['libs/domain', '--ci']);
process.exit(status);
