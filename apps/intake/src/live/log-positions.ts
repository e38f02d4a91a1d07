import { type Checkpoint, type EventStore, PostgresEventStore, START } from '@app/event-store';

/**
 * Where a live stream stands in the log. A client only ever holds a global position (its Last-Event-ID), and the
 * log is delivered in (transaction id, global position) order, so resuming needs the checkpoint of that position:
 * the PostgreSQL store looks it up. Another store (KurrentDB) cannot place a position: its clients start again at
 * the head, told so (`resumed: false`), and read what they show afresh.
 */
export interface LogPositions {
  /** The checkpoint of the last event readable now (START for an empty log). */
  head(): Promise<Checkpoint>;
  /** The checkpoint of the event at a global position; undefined when it cannot be placed. */
  checkpointAt(globalPosition: number): Promise<Checkpoint | undefined>;
}

export function logPositionsOf(store: EventStore): LogPositions {
  if (store instanceof PostgresEventStore)
    return {
      head: () => store.head(),
      checkpointAt: (position) => (position === 0 ? Promise.resolve(START) : store.checkpointAt(position)),
    };
  return {
    head: async () => {
      let after = START;
      for (;;) {
        const page = await store.readAllPayloads({ after, limit: 10_000 });
        if (page.events.length === 0) return after;
        after = page.checkpoint;
      }
    },
    checkpointAt: (position) => Promise.resolve(position === 0 ? START : undefined),
  };
}
