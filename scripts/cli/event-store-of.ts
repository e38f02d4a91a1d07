import { createEventStore, type EventStore } from '@app/event-store';
import type { CommandContext } from './command';

/** The configured event store (PostgreSQL on the CLI's database, or KurrentDB), without the rest of the app. */
export async function eventStoreOf(context: CommandContext): Promise<EventStore> {
  const { config } = context;
  if (config.eventStore === 'kurrentdb' && config.kurrentdbUrl) return createEventStore({ kind: 'kurrentdb', url: config.kurrentdbUrl });
  const db = await context.database();
  return createEventStore({ kind: 'postgres', pool: db.pool, migrate: false, groupCommit: false });
}
