import type { Pool } from 'pg';
import { runMigrations } from '@app/platform/pg';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { EVENT_STORE_MIGRATIONS } from './postgres/migrations';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';

export type EventStoreConfig =
  | ({ kind: 'postgres'; pool: Pool; /** run EVENT_STORE_MIGRATIONS first (default true) */ migrate?: boolean } & Omit<PostgresEventStoreOptions, 'pool'>)
  | { kind: 'kurrentdb'; url: string };

/** Builds the configured adapter (EVENT_STORE=postgres|kurrentdb is read by whoever composes the app). */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.kind === 'kurrentdb') return KurrentDbEventStore.connect(config.url);
  const { kind: _kind, migrate = true, ...options } = config;
  if (migrate) await runMigrations(config.pool, EVENT_STORE_MIGRATIONS);
  return new PostgresEventStore(options);
}
