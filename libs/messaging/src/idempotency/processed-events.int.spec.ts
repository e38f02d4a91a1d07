import { Pool } from 'pg';
import type { RecordedEvent } from '@app/event-store';
import { runMigrations } from '@app/platform';
import { type TestDatabase, createTestDatabase } from '@app/platform/testing';
import { StreamGapError } from '../errors';
import { MESSAGING_MIGRATIONS } from './messaging.migrations';
import { ProcessedEvents } from './processed-events';

const ev = (streamId: string, streamPosition: number): RecordedEvent => ({
  globalPosition: streamPosition,
  streamId,
  streamPosition,
  type: 'T',
  schemaVersion: 1,
  data: { occurredAt: '2020-01-01T00:00:00Z' },
  metadata: {},
  recordedAt: new Date(),
  transactionId: '1',
  hash: `${streamId}-${streamPosition}`,
  prevHash: null,
});

describe('ProcessedEvents (dedupe on stream id + position, in PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 4 });
    pool.on('error', () => undefined); // an idle connection dropped by the server; queries still report errors
    await runMigrations(pool, MESSAGING_MIGRATIONS);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  const collect = (processed: ProcessedEvents, events: RecordedEvent[]) => {
    const seen: string[] = [];
    return processed
      .process(events, async (fresh) => void seen.push(...fresh.map((e) => `${e.streamId}@${e.streamPosition}`)))
      .then((outcome) => ({ outcome, seen }));
  };

  it('hands over each event once: a redelivered batch, or its tail repeated inside a batch, is dropped', async () => {
    const processed = new ProcessedEvents({ pool, consumer: 'c1' });
    expect(await collect(processed, [ev('a', 1), ev('a', 2), ev('b', 1)])).toEqual({
      outcome: { handled: 3, duplicates: 0 },
      seen: ['a@1', 'a@2', 'b@1'],
    });
    expect(await collect(processed, [ev('a', 1), ev('a', 2), ev('b', 1)])).toEqual({
      outcome: { handled: 0, duplicates: 3 },
      seen: [],
    });
    expect(await collect(processed, [ev('a', 2), ev('a', 3), ev('a', 2), ev('a', 3), ev('a', 4)])).toEqual({
      outcome: { handled: 2, duplicates: 3 },
      seen: ['a@3', 'a@4'],
    });
    expect(await processed.positions()).toEqual(
      new Map([
        ['a', 4],
        ['b', 1],
      ]),
    );
  });

  it('keeps each consumer apart', async () => {
    const other = new ProcessedEvents({ pool, consumer: 'c2' });
    expect((await collect(other, [ev('a', 1)])).outcome).toEqual({ handled: 1, duplicates: 0 });
  });

  it('rolls the dedupe state back with the handler: a failed batch is handled again next time', async () => {
    const processed = new ProcessedEvents({ pool, consumer: 'c3' });
    await expect(
      processed.process([ev('x', 1)], async () => Promise.reject(new Error('handler down'))),
    ).rejects.toThrow('handler down');
    expect(await processed.positions()).toEqual(new Map());
    expect((await collect(processed, [ev('x', 1)])).seen).toEqual(['x@1']);
  });

  it('writes in the handler transaction', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS public.sink (id text PRIMARY KEY)');
    const processed = new ProcessedEvents({ pool, consumer: 'c4' });
    await expect(
      processed.process([ev('y', 1), ev('y', 2)], async (fresh, client) => {
        for (const e of fresh) await client.query('INSERT INTO public.sink (id) VALUES ($1)', [e.hash]);
        throw new Error('after the writes');
      }),
    ).rejects.toThrow();
    expect((await pool.query('SELECT count(*)::int AS n FROM public.sink')).rows[0]).toEqual({ n: 0 });
  });

  it('refuses a gap by default (an event went missing upstream), or accepts it when told', async () => {
    const strict = new ProcessedEvents({ pool, consumer: 'c5' });
    await collect(strict, [ev('g', 1)]);
    const error = await strict.process([ev('g', 3)], async () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamGapError);
    expect(error).toMatchObject({ code: 'STREAM_GAP', streamId: 'g', expected: 2, received: 3 });
    const lenient = new ProcessedEvents({ pool, consumer: 'c5', gaps: 'accept' });
    expect((await collect(lenient, [ev('g', 3), ev('g', 2), ev('g', 4)])).seen).toEqual(['g@3', 'g@4']);
  });

  it('serialises members handling the same streams (row locks, new streams too): each event once overall', async () => {
    for (let round = 0; round < 20; round++) {
      const members = Array.from({ length: 4 }, () => new ProcessedEvents({ pool, consumer: `c6-${round}` }));
      const batch = Array.from({ length: 30 }, (_, i) => ev(`z${i % 3}`, Math.floor(i / 3) + 1));
      const outcomes = await Promise.all(members.map((m) => collect(m, batch)));
      expect(outcomes.reduce((n, o) => n + o.outcome.handled, 0)).toBe(30);
      expect(outcomes.flatMap((o) => o.seen)).toHaveLength(30);
    }
  });
});
