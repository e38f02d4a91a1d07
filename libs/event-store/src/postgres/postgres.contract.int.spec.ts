import { Pool } from 'pg';
import { runMigrations } from '@app/platform/database/migrations';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { runEventStoreContract } from '../testing/event-store.contract';
import { EVENT_STORE_MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase | undefined;
let pool: Pool | undefined;

runEventStoreContract('PostgreSQL', async () => {
  database = await createTestDatabase();
  pool = new Pool({ connectionString: database.url, max: 20 });
  await runMigrations(pool, EVENT_STORE_MIGRATIONS);
  return new PostgresEventStore({ pool, pollIntervalMs: 200 });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});
