import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Database, loadConfig, openDatabase, runMigrations, setUpOpenApi } from '@app/platform';
import { ALL_MIGRATIONS } from '../../apps/standalone/src/migrations';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The standalone app on a fresh test database, as `npm start` composes it (without listening on a port). */
export interface TestApp {
  app: INestApplication;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const config = loadConfig({ ...env, DATABASE_URL: testDatabase.url, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE ?? '10' });
  const database = await openDatabase(config);
  await runMigrations(database.pool, ALL_MIGRATIONS);
  const moduleRef = await Test.createTestingModule({ imports: [StandaloneModule.create({ config, database })] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  setUpOpenApi(app);
  await app.init();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
