import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// eslint-disable-next-line no-restricted-imports -- jest's globalSetup/Teardown run without its module mapper: no @app/* aliases
import { freePort } from '../../libs/platform/src/database/database';
// eslint-disable-next-line no-restricted-imports -- jest's globalSetup/Teardown run without its module mapper: no @app/* aliases
import { EmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';

/**
 * Starts one throw-away embedded PostgreSQL for the whole test run, unless DATABASE_URL names a server.
 * Each suite then creates its own database on it (test/support/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  // The web bundle the browser tests load, built once here rather than by parallel test files at the same time.
  const bundle = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'web-bundle.cjs')], {
    stdio: 'inherit',
  });
  if (bundle.status !== 0) throw new Error('the web bundle did not build (scripts/web-bundle.cjs)');
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const server = new EmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    ephemeral: true,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  });
  await server.start();
  (globalThis as Record<string, unknown>).__TEST_PG__ = { server, dir };
  process.env.TEST_DATABASE_SERVER_URL = server.url;
}
