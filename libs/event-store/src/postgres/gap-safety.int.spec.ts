import { compareCheckpoints, START } from '../checkpoint';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';

const WRITERS = 32;
const TARGET_EVENTS = 52_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 32 writers append 52,000+ events in transactions of random size. Some go through the store (group commit), some
 * through the caller's own transaction held open for a few milliseconds before COMMIT (so that events with low
 * global positions commit after events with higher ones), some are rolled back after the insert. A subscription
 * reads during the writes and finishes after them; a fresh reader then catches up from START. Both must see every
 * committed event exactly once, in one total order, and none of the rolled-back ones.
 */
describe('gap safety under 32 concurrent writers', () => {
  let h: PgTestStore;

  beforeAll(async () => {
    h = await createPgTestStore({ poolSize: WRITERS + 8, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('delivers every committed event exactly once, in order, and no rolled-back one', async () => {
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    let written = 0;

    const delivered: RecordedEvent[] = [];
    const subscription = h.store.subscribe({
      from: START,
      batchSize: 500,
      handle: async (batch) => void delivered.push(...batch),
    });

    const writer = async (w: number): Promise<void> => {
      let seq = 0;
      const batchOf = (size: number): NewEvent[] =>
        Array.from({ length: size }, () => ({
          type: 'Noted',
          schemaVersion: 1,
          data: { occurredAt: new Date().toISOString(), uid: `${w}-${(seq += 1)}` },
        }));
      const uids = (list: NewEvent[]): string[] => list.map((e) => String(e.data.uid));
      while (written < TARGET_EVENTS) {
        const mode = Math.random();
        const stream = `w${w}-s${Math.floor(Math.random() * 8)}`;
        const size = 1 + Math.floor(Math.random() * 40);
        if (mode < 0.6) {
          const list = batchOf(size);
          await h.store.append(stream, list);
          uids(list).forEach((u) => committed.add(u));
          written += list.length;
          continue;
        }
        const appends = [
          { streamId: stream, events: batchOf(size) },
          { streamId: `w${w}-x${Math.floor(Math.random() * 4)}`, events: batchOf(1 + Math.floor(Math.random() * 5)) },
        ];
        const all = appends.flatMap((a) => uids(a.events));
        const client = await h.pool.connect();
        try {
          await client.query('BEGIN');
          await h.store.appendToStreamsInTransaction(client, appends);
          await sleep(Math.random() * 15);
          if (mode < 0.85) {
            await client.query('COMMIT');
            all.forEach((u) => committed.add(u));
            written += all.length;
          } else {
            await client.query('ROLLBACK');
            all.forEach((u) => rolledBack.add(u));
          }
        } finally {
          client.release();
        }
      }
    };

    const started = Date.now();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const writeSeconds = (Date.now() - started) / 1000;
    await subscription.caughtUp();
    await subscription.stop();

    expect(committed.size).toBeGreaterThanOrEqual(TARGET_EVENTS);
    expect(rolledBack.size).toBeGreaterThan(0);

    const check = (list: RecordedEvent[]): { late: number } => {
      const seen = new Set<string>();
      let maxPosition = 0;
      let late = 0;
      list.forEach((event, i) => {
        const uid = String(event.data.uid);
        expect(seen.has(uid)).toBe(false);
        seen.add(uid);
        if (i > 0) expect(compareCheckpoints(event, list[i - 1] as RecordedEvent)).toBeGreaterThan(0);
        if (event.globalPosition < maxPosition) late += 1;
        maxPosition = Math.max(maxPosition, event.globalPosition);
      });
      const lost = [...committed].filter((u) => !seen.has(u));
      const phantom = [...seen].filter((u) => rolledBack.has(u) || !committed.has(u));
      expect({ lost: lost.length, duplicated: list.length - seen.size, phantom: phantom.length }).toEqual({
        lost: 0,
        duplicated: 0,
        phantom: 0,
      });
      expect(list).toHaveLength(committed.size);
      return { late };
    };

    // The subscription read during the writes (live) and after them.
    const live = check(delivered);
    // A reader checkpointing on global_position alone would have skipped every one of these late commits.
    expect(live.late).toBeGreaterThan(0);

    // A fresh catch-up from START, in pages.
    const replayed: RecordedEvent[] = [];
    let checkpoint = START;
    for (;;) {
      const page = await h.store.readAll({ after: checkpoint, limit: 5000 });
      replayed.push(...page.events);
      checkpoint = page.checkpoint;
      if (page.events.length === 0) break;
    }
    check(replayed);
    expect(replayed.map((e) => e.globalPosition)).toEqual(delivered.map((e) => e.globalPosition));

    const { rows } = await h.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
    expect(Number(rows[0]?.n)).toBe(committed.size);
    console.info(
      `gap safety: ${committed.size} events committed by ${WRITERS} writers in ${writeSeconds.toFixed(1)} s, ` +
        `${rolledBack.size} rolled back, ${live.late} committed after a higher global position (a position-only reader skips them)`,
    );
  });
});
