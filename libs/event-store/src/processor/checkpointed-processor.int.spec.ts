import { SessionLock, inTransaction } from '@app/platform/pg';
import { HealthIndicators } from '@app/platform';
import { START } from '../checkpoint';
import type { Checkpoint, RecordedEvent } from '../event-store.port';
import { loadCheckpoint, saveCheckpoint } from '../postgres/checkpoints';
import { events } from '../testing/contract/context';
import { type PgTestStore, createPgTestStore } from '../testing/pg-test-store';
import { CheckpointedProcessor, type CheckpointedProcessorOptions } from './checkpointed-processor';
import type { FollowerRun, LogFollower, RunContext } from './log-follower';
import { resolvesWithin } from '../testing/resolves-within';

/**
 * A follower that keeps its checkpoint in event_store.checkpoints, saved in the transaction of each batch, and can
 * be told to fail, to hold its preparation of a run, or to hang in a batch.
 */
class TestFollower implements LogFollower {
  handled: RecordedEvent[] = [];
  opened = 0;
  closed = 0;
  failNext = 0;
  failuresAt: number[] = [];
  hang = false;
  abandoned = 0;
  /** While set, open() waits for it. */
  gate?: Promise<void>;

  constructor(
    private readonly h: PgTestStore,
    readonly name: string,
  ) {}

  checkpoint(): Promise<Checkpoint> {
    return loadCheckpoint(this.h.pool, this.name);
  }

  async open(run: RunContext): Promise<FollowerRun> {
    this.opened++;
    await this.gate;
    const from = await loadCheckpoint(this.h.pool, this.name);
    let abandon: (error: Error) => void = () => undefined;
    return {
      from,
      handle: async (batch, checkpoint) => {
        if (this.hang) await new Promise((_, reject) => (abandon = reject));
        if (this.failNext > 0) {
          this.failNext--;
          this.failuresAt.push(Date.now());
          throw new Error('the handler failed');
        }
        await inTransaction(this.h.pool, (client) => saveCheckpoint(client, this.name, checkpoint));
        this.handled.push(...batch);
        run.progress(batch.length, checkpoint, batch[batch.length - 1]?.recordedAt);
      },
      abandon: () => {
        this.abandoned++;
        abandon(new Error('abandoned'));
      },
      close: async () => void this.closed++,
    };
  }
}

describe('CheckpointedProcessor (PostgreSQL)', () => {
  let h: PgTestStore;
  const logs: string[] = [];
  const started: CheckpointedProcessor[] = [];
  const processorFor = (follower: TestFollower, options: Partial<CheckpointedProcessorOptions> = {}) => {
    const processor = new CheckpointedProcessor({
      name: follower.name,
      lock: `test:${follower.name}`,
      pool: h.pool,
      store: h.store,
      follower,
      batchSize: 7,
      retry: { firstMs: 100, maxMs: 400 },
      lockRetryMs: 50,
      log: (level, message) => void logs.push(`${level}: ${message}`),
      ...options,
    });
    started.push(processor);
    return processor;
  };

  beforeAll(async () => {
    h = await createPgTestStore({ pollIntervalMs: 50 });
    for (let s = 0; s < 5; s++) await h.store.append(`p-${s}`, events(10));
  });
  afterAll(async () => h.close());
  beforeEach(() => void (logs.length = 0));
  // A test that fails half-way must not leave a processor holding a connection (the pool would never end).
  afterEach(async () => {
    await Promise.all(started.splice(0).map((p) => p.stop()));
  });

  it('follows the log from its checkpoint, in order, and a new process resumes where it stopped', async () => {
    const one = new TestFollower(h, 'follow');
    const first = processorFor(one);
    first.start();
    await first.caughtUp();
    await first.stop();
    expect(one.handled.map((e) => e.globalPosition)).toEqual([...Array(50).keys()].map((i) => i + 1));
    expect(first.status()).toMatchObject({
      state: 'stopped',
      events: 50,
      restarts: 0,
      lastError: null,
      readFailures: 0,
    });
    expect(first.status().checkpoint).toEqual(await loadCheckpoint(h.pool, 'follow'));

    await h.store.append('p-new', events(3));
    const two = new TestFollower(h, 'follow');
    const second = processorFor(two);
    second.start();
    await second.caughtUp();
    expect((await second.lag()).pendingEvents).toBe(0);
    await second.stop();
    expect(two.handled.map((e) => e.streamId)).toEqual(['p-new', 'p-new', 'p-new']);
    expect(one.closed).toBe(one.opened);
  });

  describe('start and stop without races', () => {
    it('a stop() before any start() resolves at once', async () => {
      const processor = processorFor(new TestFollower(h, 'never'));
      expect(await resolvesWithin(processor.stop(), 1_000)).toBe(true);
      expect(processor.status().state).toBe('stopped');
    });

    it('a stop() while a run is being prepared ends it as soon as it is ready, closes it and frees the lock', async () => {
      const follower = new TestFollower(h, 'preparing');
      let release!: () => void;
      follower.gate = new Promise((resolve) => (release = resolve));
      const processor = processorFor(follower);
      processor.start();
      await waitUntil(async () => follower.opened === 1);
      const stopped = processor.stop();
      release();
      expect(await resolvesWithin(stopped, 3_000)).toBe(true);
      expect(follower).toMatchObject({ opened: 1, closed: 1, handled: [] });
      expect(processor.status().state).toBe('stopped');
      expect(await SessionLock.isFree(h.pool, 'test:preparing')).toBe(true);
    });

    it('start() and stop() in quick alternation: the last call wins, one run at a time, nothing handled after a stop', async () => {
      const follower = new TestFollower(h, 'alternating');
      const processor = processorFor(follower);
      const stops: Promise<void>[] = [];
      for (let i = 0; i < 20; i++) {
        processor.start();
        if (i % 3 === 0) await sleep(i);
        stops.push(processor.stop());
        if (i % 4 === 0) await sleep(1);
      }
      expect(await resolvesWithin(Promise.all(stops), 10_000)).toBe(true);
      expect(processor.status().state).toBe('stopped');
      expect(await SessionLock.isFree(h.pool, 'test:alternating')).toBe(true);
      const handledAtStop = follower.handled.length;
      await sleep(200);
      expect(follower.handled.length).toBe(handledAtStop);
      expect(follower.closed).toBe(follower.opened);

      // stop() then start() at once: the new run starts after the old one has ended, and follows the log.
      processor.start();
      const stopping = processor.stop();
      processor.start();
      await stopping;
      await processor.caughtUp();
      expect(processor.status().state).toBe('running');
      expect(new Set(follower.handled.map((e) => e.globalPosition)).size).toBe(53);
      await processor.stop();
      expect(await SessionLock.isFree(h.pool, 'test:alternating')).toBe(true);
    });

    it('one processor per lock name: a second one waits, then takes over from the durable checkpoint', async () => {
      const one = processorFor(new TestFollower(h, 'exclusive'));
      const twoFollower = new TestFollower(h, 'exclusive');
      const two = processorFor(twoFollower);
      one.start();
      await one.caughtUp();
      two.start();
      await sleep(150);
      expect(two.status().state).toBe('waiting-for-lock');
      expect(twoFollower.opened).toBe(0);
      await one.stop();
      await h.store.append('p-late', events(2));
      await two.caughtUp();
      expect(twoFollower.handled.map((e) => e.streamId)).toEqual(['p-late', 'p-late']);
      await two.stop();
    });

    it('a stop() with a batch stuck past stopTimeoutMs abandons it: the checkpoint stays where it was', async () => {
      const follower = new TestFollower(h, 'stuck');
      follower.hang = true;
      const processor = processorFor(follower, { stopTimeoutMs: 200 });
      processor.start();
      await waitUntil(async () => processor.status().state === 'running');
      await sleep(50);
      expect(await resolvesWithin(processor.stop(), 3_000)).toBe(true);
      expect(follower.abandoned).toBe(1);
      expect(follower.handled).toEqual([]);
      expect(await loadCheckpoint(h.pool, 'stuck')).toEqual(START);
    });
  });

  it('backs off after a handler failure (doubling pauses), then resumes from the durable checkpoint', async () => {
    const follower = new TestFollower(h, 'failing');
    follower.failNext = Infinity;
    const processor = processorFor(follower);
    processor.start();
    await expect(processor.caughtUp({ failOnError: true })).rejects.toThrow('the handler failed');
    await waitUntil(async () => follower.failuresAt.length >= 3);
    expect(processor.status()).toMatchObject({ lastError: 'the handler failed', events: 0 });
    follower.failNext = 0;
    await processor.caughtUp(); // waits through failures
    await processor.stop();
    const failures = follower.failuresAt.length;
    const [a, b, c] = follower.failuresAt as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(90); // first pause 100 ms
    expect(c - b).toBeGreaterThanOrEqual(190); // then 200 ms
    expect(processor.status()).toMatchObject({ restarts: failures, events: 55, lastError: null });
    expect(follower.opened).toBe(failures + 1);
    expect(follower.handled.map((e) => e.globalPosition)).toEqual([...Array(55).keys()].map((i) => i + 1));
    expect(logs.filter((l) => l.startsWith('error: failing failed'))).toHaveLength(failures);
  });

  it('a failing read of the log is logged, counted and shown by /health, and clears when reads succeed again', async () => {
    const follower = new TestFollower(h, 'reading');
    const processor = processorFor(follower);
    const health = new HealthIndicators();
    health.register('follower', () => processor.health());
    processor.start();
    await processor.caughtUp();
    await h.pool.query('ALTER TABLE event_store.events RENAME TO events_away');
    try {
      await waitUntil(async () => processor.status().readFailures >= 2);
      const details = (await health.collect()) as {
        follower: { state: string; readFailures: number; readError: { message: string; attempts: number } | null };
      };
      expect(details.follower.state).toBe('running');
      expect(details.follower.readFailures).toBeGreaterThanOrEqual(2);
      expect(details.follower.readError?.message).toMatch(/event_store\.events/);
      expect(details.follower.readError?.attempts).toBeGreaterThanOrEqual(2);
      expect(logs.some((l) => l.startsWith('error: reading: reading the log failed (1 in a row'))).toBe(true);
    } finally {
      await h.pool.query('ALTER TABLE event_store.events_away RENAME TO events');
    }
    await h.store.append('p-after', events(1));
    await processor.caughtUp();
    expect(processor.status().readError).toBeNull();
    expect(follower.handled[follower.handled.length - 1]?.streamId).toBe('p-after');
    expect(logs.some((l) => /reading the log again after \d+ failed reads/.test(l))).toBe(true);
    await processor.stop();
  });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
