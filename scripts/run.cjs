#!/usr/bin/env node
// Usage: node scripts/run.cjs <file.ts> [args...] — runs a TypeScript entry point of the project.
require('./register.cjs');
process.setSourceMapsEnabled(true);
const path = require('node:path');
const [, , entry, ...args] = process.argv;
if (!entry) {
  console.error('usage: node scripts/run.cjs <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(path.resolve(entry));
