import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Role } from '@app/domain';
import { AccountsService } from '@app/accounts';
import { ensureAccountToken } from '@app/accounts/testing';
import { type Database, configureHttp, loadConfig, openDatabase, runMigrations } from '@app/platform';
import { ALL_MIGRATIONS } from '@app/standalone';
import { StandaloneModule } from '@app/standalone';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';

/** The standalone app on a fresh test database, as `npm start` composes it (without listening on a port). */
export interface TestApp {
  app: INestApplication;
  database: Database;
  /**
   * A bearer token for the app, naming a real account with the role for the units (registered on first use):
   * `await token('clerk', ['unit-id'])`; admins and auditors get every unit by default.
   */
  token(role: Role, units?: string[], username?: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_TOKEN_SECRET = 'test-secret-test-secret-test-secret-0123';

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDatabase: TestDatabase = await createTestDatabase();
  // the applicants' master and blind-index keys of this app alone (never the checkout's .data/keys)
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-keys-'));
  const config = loadConfig({
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    DATABASE_POOL_SIZE: '10',
    KEYS_DIR: keysDir,
    ...env,
    DATABASE_URL: testDatabase.url,
  });
  const database = await openDatabase(config);
  await runMigrations(database.pool, ALL_MIGRATIONS);
  const moduleRef = await Test.createTestingModule({
    imports: [StandaloneModule.create({ config, database })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  configureHttp(app); // the same HTTP set-up as npm start
  await app.init();
  return {
    app,
    database,
    token: (role, units = role === 'admin' || role === 'auditor' ? ['*'] : [], username) =>
      ensureAccountToken(app.get(AccountsService), TEST_TOKEN_SECRET, role, units, username),
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.drop();
      fs.rmSync(keysDir, { recursive: true, force: true });
    },
  };
}
