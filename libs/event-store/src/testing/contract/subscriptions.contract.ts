import type { Checkpoint, RecordedEvent } from '../../event-store.port';
import { type ContractContext, events, identity, sleep } from './context';
import { tail } from './reads.contract';

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

export function subscriptionsContract(ctx: ContractContext): void {
  describe('subscriptions', () => {
    const mine = (list: RecordedEvent[]): RecordedEvent[] => list.filter((e) => e.streamId.startsWith(ctx.prefix));

    it('catches up in batches, then delivers new events live, in order', async () => {
      const start = await tail(ctx.store());
      const id = ctx.stream('d');
      const before = (await ctx.store().append(id, events(25))).events;
      const seen: RecordedEvent[] = [];
      const checkpoints: Checkpoint[] = [];
      const subscription = ctx.store().subscribe({
        from: start,
        batchSize: 10,
        handle: async (batch, checkpoint) => {
          expect(batch.length).toBeLessThanOrEqual(10);
          seen.push(...batch);
          checkpoints.push(checkpoint);
        },
      });
      await subscription.caughtUp();
      expect(mine(seen).map(identity)).toEqual(before.map(identity));
      const live = (await ctx.store().append(id, events(3))).events;
      const more = (await ctx.store().append(ctx.stream('e'), events(2))).events;
      const started = Date.now();
      await until(() => mine(seen).length === 30);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(mine(seen).map(identity)).toEqual([...before, ...live, ...more].map(identity));
      expect(subscription.checkpoint).toEqual(checkpoints[checkpoints.length - 1]);
      await subscription.stop();
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('resumes from a saved checkpoint: nothing twice, nothing missed', async () => {
      const start = await tail(ctx.store());
      const id = ctx.stream('d');
      const all = (await ctx.store().append(id, events(12))).events;
      const first: RecordedEvent[] = [];
      let saved: Checkpoint = start;
      const one = ctx.store().subscribe({
        from: start,
        batchSize: 5,
        handle: async (batch, checkpoint) => {
          first.push(...batch);
          saved = checkpoint;
        },
      });
      await one.caughtUp();
      await one.stop();
      const later = (await ctx.store().append(id, events(4))).events;
      const second: RecordedEvent[] = [];
      const two = ctx.store().subscribe({ from: saved, handle: async (batch) => void second.push(...batch) });
      await until(() => mine(second).length >= 4);
      await two.caughtUp();
      await two.stop();
      expect(mine(first).map(identity)).toEqual(all.map(identity));
      expect(mine(second).map(identity)).toEqual(later.map(identity));
    });

    it('a failing handler stops the subscription and rejects done', async () => {
      const start = await tail(ctx.store());
      await ctx.store().append(ctx.stream('d'), events(3));
      const subscription = ctx.store().subscribe({
        from: start,
        handle: async () => {
          throw new Error('projection failed');
        },
      });
      await expect(subscription.done).rejects.toThrow('projection failed');
      await expect(subscription.caughtUp()).rejects.toThrow('projection failed');
      await subscription.stop();
    });
  });
}
