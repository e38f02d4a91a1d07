import { checkpointOf, START } from '../checkpoint';
import type { RecordedEvent } from '../event-store.port';
import { events } from '../testing/contract/context';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';

async function readEverything(h: PgTestStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let after = START;
  for (;;) {
    const page = await h.store.readAll({ after, limit: 100 });
    all.push(...page.events);
    if (page.events.length === 0) return all;
    after = page.checkpoint;
  }
}

describe('positions: the checkpoint of a global position, the head of the readable log', () => {
  let h: PgTestStore;
  beforeAll(async () => {
    h = await createPgTestStore();
  });
  afterAll(async () => {
    await h.close();
  });

  it('head is START on an empty log and a global position without an event has no checkpoint', async () => {
    expect(await h.store.head()).toEqual(START);
    expect(await h.store.checkpointAt(1)).toBeUndefined();
  });

  it('gives each event its delivery-order checkpoint, even one committed after a later position; head waits for writers in flight', async () => {
    // A slow writer's transaction starts first (the lower transaction id) and writes after a faster one: its events
    // have higher global positions yet come first in the delivery order.
    const slow = await h.pool.connect();
    try {
      await slow.query('BEGIN');
      await slow.query('SELECT pg_current_xact_id()');
      await h.store.append('fast-1', events(3));
      // the fast events are not readable yet (an older transaction is in flight): the head stays where it was
      expect(await h.store.head()).toEqual(START);
      await h.store.appendToStreamsInTransaction(slow, [{ streamId: 'slow-1', events: events(2) }]);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    const all = await readEverything(h);
    expect(all).toHaveLength(5);
    const positions = all.map((e) => e.globalPosition);
    expect(positions).not.toEqual([...positions].sort((a, b) => a - b)); // delivery order ≠ position order
    for (const event of all) expect(await h.store.checkpointAt(event.globalPosition)).toEqual(checkpointOf(event));
    expect(await h.store.head()).toEqual(checkpointOf(all[all.length - 1] as RecordedEvent));
    expect(await h.store.checkpointAt(Math.max(...positions) + 1)).toBeUndefined();
  });
});
