import { Pool } from 'pg';
import { runMigrations } from '@app/platform/pg';
import { createTestDatabase } from '@app/platform/testing';
import { EVENT_STORE_MIGRATIONS } from '../postgres/migrations';
import { PostgresEventStore, type PostgresEventStoreOptions } from '../postgres/postgres-event-store';

export interface PgTestStore {
  store: PostgresEventStore;
  pool: Pool;
  url: string;
  /** Closes the store and the pool, drops the database. */
  close(): Promise<void>;
}

/** A PostgresEventStore on a fresh test database with the schema applied (integration specs only). */
export async function createPgTestStore(
  options: Omit<PostgresEventStoreOptions, 'pool'> & { poolSize?: number } = {},
): Promise<PgTestStore> {
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: options.poolSize ?? 10 });
  // pool.end() resolves before its sockets are closed; DROP DATABASE ... FORCE may then kill them: not an error here.
  pool.on('error', () => undefined);
  await runMigrations(pool, EVENT_STORE_MIGRATIONS);
  const store = new PostgresEventStore({ pollIntervalMs: 200, ...options, pool });
  return {
    store,
    pool,
    url: database.url,
    close: async () => {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}
