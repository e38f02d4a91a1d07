import { compareCheckpoints, START } from '../../checkpoint';
import { payloadOf } from '../../event-payload';
import type { Checkpoint, EventStore, RecordedEvent } from '../../event-store.port';
import { type ContractContext, events, identity, newEvent, sleep } from './context';

/** The checkpoint after everything readable now. */
export async function tail(store: EventStore): Promise<Checkpoint> {
  let checkpoint = START;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, limit: 5000 });
    checkpoint = page.checkpoint;
    if (page.events.length < 5000) return checkpoint;
  }
}

export function readsContract(ctx: ContractContext): void {
  describe('stream reads', () => {
    it('reads a range of positions', async () => {
      const id = ctx.stream('d');
      await ctx.store().append(id, events(6));
      const pick = async (fromVersion?: number, toVersion?: number): Promise<number[]> =>
        (await ctx.store().readStream(id, { fromVersion, toVersion })).map((e) => e.streamPosition);
      expect(await pick(3)).toEqual([3, 4, 5, 6]);
      expect(await pick(undefined, 2)).toEqual([1, 2]);
      expect(await pick(2, 4)).toEqual([2, 3, 4]);
      expect(await pick(7)).toEqual([]);
      expect(await pick(4, 3)).toEqual([]);
      expect(await ctx.store().readStream(ctx.stream('absent'))).toEqual([]);
    });

    it('reads a stream as known at an instant (recordedUpTo)', async () => {
      const id = ctx.stream('d');
      const early = await ctx.store().append(id, events(2));
      await sleep(30);
      const instant = new Date();
      await sleep(30);
      await ctx.store().append(id, events(1));
      const known = await ctx.store().readStream(id, { recordedUpTo: instant });
      expect(known.map(identity)).toEqual(early.events.map(identity));
      expect(await ctx.store().readStream(id, { recordedUpTo: new Date() })).toHaveLength(3);
      expect(await ctx.store().readStream(id, { recordedUpTo: new Date(0) })).toEqual([]);
    });
  });

  describe('global reads', () => {
    const mine = (list: RecordedEvent[]): RecordedEvent[] => list.filter((e) => e.streamId.startsWith(ctx.prefix));

    it('reads the global log in pages, each event once, in checkpoint order', async () => {
      const start = await tail(ctx.store());
      const a = ctx.stream('a');
      const b = ctx.stream('b');
      const written = [
        ...(await ctx.store().append(a, events(4))).events,
        ...(await ctx.store().append(b, events(3))).events,
        ...(await ctx.store().append(a, events(3))).events,
      ];
      const seen: RecordedEvent[] = [];
      let checkpoint = start;
      for (let page = 0; page < 100; page += 1) {
        const result = await ctx.store().readAll({ after: checkpoint, limit: 3 });
        expect(result.events.length).toBeLessThanOrEqual(3);
        if (result.events.length === 0) {
          expect(result.checkpoint).toEqual(checkpoint);
          break;
        }
        expect(compareCheckpoints(result.checkpoint, checkpoint)).toBeGreaterThan(0);
        seen.push(...result.events);
        checkpoint = result.checkpoint;
      }
      expect(mine(seen).map(identity)).toEqual(written.map(identity));
      for (let i = 1; i < seen.length; i += 1) {
        const previous = seen[i - 1] as RecordedEvent;
        const current = seen[i] as RecordedEvent;
        expect(compareCheckpoints(current, previous)).toBeGreaterThan(0);
      }
    });

    it('filters by type and still moves the checkpoint past the other events', async () => {
      const start = await tail(ctx.store());
      const id = ctx.stream('d');
      await ctx.store().append(id, [newEvent('Received'), newEvent('Noted'), newEvent('Resolved'), newEvent('Noted')]);
      const page = await ctx.store().readAll({ after: start, types: ['Received', 'Resolved'], limit: 100 });
      expect(mine(page.events).map((e) => e.type)).toEqual(['Received', 'Resolved']);
      expect(compareCheckpoints(page.checkpoint, await tail(ctx.store()))).toBe(0);
      const next = await ctx.store().readAll({ after: page.checkpoint, types: ['Received', 'Resolved'] });
      expect(mine(next.events)).toEqual([]);
    });

    it('reads the global log as known at an instant (recordedUpTo)', async () => {
      const start = await tail(ctx.store());
      const id = ctx.stream('d');
      const early = await ctx.store().append(id, events(2));
      await sleep(30);
      const instant = new Date();
      await sleep(30);
      await ctx.store().append(id, events(2));
      const page = await ctx.store().readAll({ after: start, recordedUpTo: instant, limit: 100 });
      expect(mine(page.events).map(identity)).toEqual(early.events.map(identity));
    });

    it('reads payloads: the same pages and checkpoints as readAll, each event without its audit fields but its actor', async () => {
      const start = await tail(ctx.store());
      const a = ctx.stream('a');
      await ctx.store().append(a, [newEvent('Received'), newEvent('Noted')]);
      await sleep(30);
      const instant = new Date();
      await sleep(30);
      await ctx.store().append(ctx.stream('b'), [newEvent('Received'), newEvent('Resolved'), newEvent('Noted')]);
      for (const options of [
        { limit: 2 },
        { limit: 100, types: ['Received', 'Resolved'] },
        { limit: 100, recordedUpTo: instant },
      ]) {
        let checkpoint = start;
        for (let page = 0; page < 10; page += 1) {
          const full = await ctx.store().readAll({ ...options, after: checkpoint });
          const payloads = await ctx.store().readAllPayloads({ ...options, after: checkpoint });
          expect(payloads.checkpoint).toEqual(full.checkpoint);
          expect(payloads.events).toEqual(full.events.map(payloadOf));
          for (const event of payloads.events)
            expect(Object.keys(event).sort()).toEqual([
              'actor',
              'data',
              'globalPosition',
              'schemaVersion',
              'streamId',
              'streamPosition',
              'transactionId',
              'type',
            ]);
          if (full.events.length === 0) break;
          checkpoint = full.checkpoint;
        }
      }
    });
  });
}
