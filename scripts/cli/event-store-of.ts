import { createEventStore, type EventStore, eventStoreConfigOf } from '@app/event-store';
import type { CommandContext } from './command';

/** The configured event store (PostgreSQL on the CLI's database, or KurrentDB), without the rest of the app. */
export async function eventStoreOf(context: CommandContext): Promise<EventStore> {
  const { config } = context;
  // the CLI's database holds the read models whichever store holds the log
  return createEventStore(eventStoreConfigOf(config, (await context.database()).pool, { groupCommit: false }));
}
