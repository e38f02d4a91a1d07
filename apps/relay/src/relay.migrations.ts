import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import type { Migration } from '@app/platform';

/** The relay owns no table: it needs the event store's (the log and event_store.checkpoints). */
export const RELAY_MIGRATIONS: readonly Migration[] = [...EVENT_STORE_MIGRATIONS];
