import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  type Database,
  type Role,
  configureHttp,
  loadConfig,
  openDatabase,
  runMigrations,
  signToken,
} from '@app/platform';
import { ALL_MIGRATIONS } from '@app/standalone';
import { StandaloneModule } from '@app/standalone';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';

/** The standalone app on a fresh test database, as `npm start` composes it (without listening on a port). */
export interface TestApp {
  app: INestApplication;
  database: Database;
  /** A bearer token for the app: `token('clerk', ['unit-id'])`. */
  token(role: Role, units?: string[], subject?: string): string;
  close(): Promise<void>;
}

export const TEST_TOKEN_SECRET = 'test-secret-test-secret-test-secret-0123';

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    DATABASE_POOL_SIZE: '10',
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
    token: (
      role,
      units = role === 'admin' || role === 'auditor' ? ['*'] : [],
      subject = `${role}-${units.join('+')}`,
    ) => signToken({ subject, role, units }, TEST_TOKEN_SECRET),
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
