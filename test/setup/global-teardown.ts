import fs from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- jest's globalSetup/Teardown run without its module mapper: no @app/* aliases
import type { EmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__TEST_PG__ as
    { server: EmbeddedPostgres; dir: string } | undefined;
  if (!handle) return;
  await handle.server.stop();
  fs.rmSync(handle.dir, { recursive: true, force: true });
}
