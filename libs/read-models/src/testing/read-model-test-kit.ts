import type { DataSource } from 'typeorm';
import { type Database, loadConfig, openDatabase, runMigrations } from '@app/platform';
import { EVENT_STORE_MIGRATIONS, type EventStore, createEventStore } from '@app/event-store';
import { createReadModelDataSource } from '../entities/read-model-data-source';
import { READ_MODEL_MIGRATIONS } from '../schema/read-model-migrations';
import { createTestDatabase } from '@app/platform/testing';

/** A fresh database with the event store and read models migrated, the store, and the read models' data source. */
export interface ReadModelTestKit {
  url: string;
  database: Database;
  store: EventStore;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function createReadModelTestKit(): Promise<ReadModelTestKit> {
  const testDatabase = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: testDatabase.url, DATABASE_POOL_SIZE: '10' });
  const database = await openDatabase(config);
  await runMigrations(database.pool, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
  const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false, pollIntervalMs: 100 });
  const dataSource = await createReadModelDataSource(database.pool);
  return {
    url: testDatabase.url,
    database,
    store,
    dataSource,
    close: async () => {
      await store.close();
      await dataSource.destroy();
      await database.close();
      await testDatabase.drop();
    },
  };
}
