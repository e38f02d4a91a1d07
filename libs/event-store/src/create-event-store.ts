import type { Pool } from 'pg';
import type { AppConfig } from '@app/platform';
import { runMigrations } from '@app/platform/pg';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { EVENT_STORE_MIGRATIONS } from './postgres/migrations';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';

export type EventStoreConfig =
  | ({ kind: 'postgres'; pool: Pool; /** run EVENT_STORE_MIGRATIONS first (default true) */ migrate?: boolean } & Omit<
      PostgresEventStoreOptions,
      'pool'
    >)
  | { kind: 'kurrentdb'; url: string };

/**
 * The adapter the app's configuration chooses (EVENT_STORE=postgres|kurrentdb): KurrentDB at KURRENTDB_URL, or
 * PostgreSQL on the process's pool (migrated by the app's own migrations). The one place that choice is made.
 */
export function eventStoreConfigOf(
  config: Pick<AppConfig, 'eventStore' | 'kurrentdbUrl'>,
  pool: Pool,
  postgres: Omit<PostgresEventStoreOptions, 'pool'> = {},
): EventStoreConfig {
  if (config.eventStore === 'kurrentdb' && config.kurrentdbUrl) return { kind: 'kurrentdb', url: config.kurrentdbUrl };
  return { kind: 'postgres', pool, migrate: false, ...postgres };
}

/** Builds the adapter of `config` (see eventStoreConfigOf). */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.kind === 'kurrentdb') return KurrentDbEventStore.connect(config.url);
  const { kind: _kind, migrate = true, ...options } = config;
  if (migrate) await runMigrations(config.pool, EVENT_STORE_MIGRATIONS);
  return new PostgresEventStore(options);
}
