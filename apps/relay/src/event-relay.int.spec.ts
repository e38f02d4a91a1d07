import { Pool } from 'pg';
import {
  EVENT_STORE_MIGRATIONS,
  type EventStore,
  PostgresEventStore,
  START,
  compareCheckpoints,
  loadCheckpoint,
} from '@app/event-store';
import type { MessagePublisher, OutgoingMessage } from '@app/messaging';
import { runMigrations } from '@app/platform';
import { type TestDatabase, createTestDatabase } from '@app/platform/testing';
import { EventRelay } from './event-relay';
import { resolvesWithin } from '@app/event-store/testing';

/** A publisher that records what the "broker" acknowledged, and can be told to fail or hang. */
class FakePublisher implements MessagePublisher {
  static acknowledged: OutgoingMessage[] = [];
  static failNext = 0;
  static hang = false;
  static created = 0;
  constructor() {
    FakePublisher.created++;
  }
  async publish(_topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (FakePublisher.hang) return new Promise(() => undefined);
    if (FakePublisher.failNext > 0) {
      FakePublisher.failNext--;
      FakePublisher.acknowledged.push(...messages.slice(0, 3)); // part of the batch got through before the error
      throw new Error('broker unavailable');
    }
    FakePublisher.acknowledged.push(...messages);
  }
  async close(): Promise<void> {}
}

const positionsByStream = (messages: OutgoingMessage[]): Map<string, number[]> => {
  const map = new Map<string, number[]>();
  for (const m of messages)
    map.set(m.key, [...(map.get(m.key) ?? []), JSON.parse(String(m.value)).streamPosition as number]);
  return map;
};

describe('EventRelay (PostgreSQL log, fake broker)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: EventStore;
  const relayFor = (consumer: string) =>
    new EventRelay({
      pool,
      store,
      publisher: () => new FakePublisher(),
      topic: 't',
      consumer,
      batchSize: 50,
      retryMs: 20,
      stopTimeoutMs: 300,
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 8 });
    pool.on('error', () => undefined); // an idle connection dropped by the server; queries still report errors
    await runMigrations(pool, EVENT_STORE_MIGRATIONS);
    store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
    for (let s = 0; s < 10; s++) {
      for (let v = 0; v < 30; v += 5) {
        await store.append(
          `d-${s}`,
          Array.from({ length: 5 }, (_, i) => ({
            type: 'T',
            schemaVersion: 1,
            data: { occurredAt: new Date().toISOString(), i: v + i },
          })),
          { expectedVersion: v },
        );
      }
    }
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  beforeEach(() => {
    FakePublisher.acknowledged = [];
    FakePublisher.failNext = 0;
    FakePublisher.hang = false;
  });

  it('publishes the log in order, keyed by stream, and checkpoints after each acknowledged batch', async () => {
    const relay = relayFor('r1');
    relay.start();
    await relay.caughtUp();
    await relay.stop();
    expect(FakePublisher.acknowledged).toHaveLength(300);
    for (const positions of positionsByStream(FakePublisher.acknowledged).values())
      expect(positions).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const last = JSON.parse(String(FakePublisher.acknowledged[299]?.value)) as {
      transactionId: string;
      globalPosition: number;
    };
    expect(await loadCheckpoint(pool, 'r1')).toEqual({
      transactionId: last.transactionId,
      globalPosition: last.globalPosition,
    });
    expect(relay.status()).toMatchObject({ state: 'stopped', eventsRelayed: 300, restarts: 0 });
  });

  it('after a failed publish, starts again from the checkpoint with a new producer: at least once, in order', async () => {
    FakePublisher.failNext = 2;
    const created = FakePublisher.created;
    const relay = relayFor('r2');
    relay.start();
    await relay.caughtUp();
    await relay.stop();
    expect(relay.status().restarts).toBe(2);
    expect(FakePublisher.created - created).toBe(3);
    const byStream = positionsByStream(FakePublisher.acknowledged);
    for (const positions of byStream.values()) {
      const distinct = [...new Set(positions)];
      expect(distinct).toEqual(Array.from({ length: 30 }, (_, i) => i + 1)); // none missing
      // Duplicates only as a replay of a prefix: positions never go backwards except to re-send.
      const deduped = positions.filter((p, i) => !positions.slice(0, i).includes(p));
      expect(deduped).toEqual(distinct);
    }
    expect(FakePublisher.acknowledged.length).toBe(306);
  });

  it('resumes from its durable checkpoint (a new process publishes only what is new)', async () => {
    const before = await loadCheckpoint(pool, 'r1');
    expect(compareCheckpoints(before, START)).toBeGreaterThan(0);
    await store.append('d-new', [{ type: 'T', schemaVersion: 1, data: { occurredAt: new Date().toISOString() } }]);
    const relay = relayFor('r1');
    relay.start();
    await relay.caughtUp();
    expect((await relay.lag()).pendingEvents).toBe(0);
    await relay.stop();
    expect(FakePublisher.acknowledged.map((m) => m.key)).toEqual(['d-new']);
  });

  it('does not save the checkpoint of a batch whose publish never completes; stop() abandons it', async () => {
    FakePublisher.hang = true;
    const relay = relayFor('r3');
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await relay.lag()).pendingEvents).toBeGreaterThan(0);
    await relay.stop();
    expect(await loadCheckpoint(pool, 'r3')).toEqual(START);
  });

  it('runs one relay per checkpoint name at a time (advisory lock)', async () => {
    const one = relayFor('r4');
    const two = relayFor('r4');
    one.start();
    await one.caughtUp();
    two.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(two.status().state).toBe('waiting-for-lock');
    await one.stop();
    await two.caughtUp();
    expect(two.status().state).toBe('running');
    await two.stop();
  });

  describe('stop() while a run is still being prepared never waits forever', () => {
    /** ensureTopic answers at once, except its `held`-th call, which waits until `release()`. */
    const gate = (held: number) => {
      let calls = 0;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let reached!: () => void;
      const reachedHeld = new Promise<void>((resolve) => (reached = resolve));
      const ensureTopic = async (): Promise<void> => {
        if (++calls !== held) return;
        reached();
        await released;
      };
      return { ensureTopic, reachedHeld, release };
    };
    const relayWith = (consumer: string, ensureTopic: () => Promise<void>) =>
      new EventRelay({
        pool,
        store,
        publisher: () => new FakePublisher(),
        ensureTopic,
        topic: 't',
        consumer,
        batchSize: 50,
        retryMs: 20,
        stopTimeoutMs: 300,
      });

    it('on the first run (no subscription yet)', async () => {
      const { ensureTopic, reachedHeld, release } = gate(1);
      const relay = relayWith('r5', ensureTopic);
      relay.start();
      await reachedHeld;
      const stopped = relay.stop();
      release();
      expect(await resolvesWithin(stopped, 3_000)).toBe(true);
      expect(relay.status().state).toBe('stopped');
    });

    it("on a run after a failure (the failed run's subscription has ended already)", async () => {
      FakePublisher.failNext = 1;
      const { ensureTopic, reachedHeld, release } = gate(2);
      const relay = relayWith('r6', ensureTopic);
      relay.start();
      await reachedHeld;
      const stopped = relay.stop();
      release();
      expect(await resolvesWithin(stopped, 3_000)).toBe(true);
      expect(relay.status()).toMatchObject({ state: 'stopped', restarts: 1 });
    });
  });
});
