import type { Migration } from '@app/platform/pg';
import { TABLES_SQL } from './schema/001-tables.sql';
import { APPEND_BATCH_SQL } from './schema/002-append-batch.sql';
import { APPEND_BATCH_CLAIMS_KEYS_AT_ONCE_SQL } from './schema/003-append-batch-claims-keys-at-once.sql';
import { PAYLOADS_AS_CANONICAL_TEXT_SQL } from './schema/004-payloads-as-canonical-text.sql';

/** The event store's schema, in order; run with runMigrations(pool, EVENT_STORE_MIGRATIONS) at start-up. */
export const EVENT_STORE_MIGRATIONS: Migration[] = [
  { id: 'event-store/001-tables', sql: TABLES_SQL },
  { id: 'event-store/002-append-batch', sql: APPEND_BATCH_SQL },
  { id: 'event-store/003-append-batch-claims-keys-at-once', sql: APPEND_BATCH_CLAIMS_KEYS_AT_ONCE_SQL },
  { id: 'event-store/004-payloads-as-canonical-text', sql: PAYLOADS_AS_CANONICAL_TEXT_SQL },
];
