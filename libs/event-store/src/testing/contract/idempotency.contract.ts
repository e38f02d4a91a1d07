import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../../errors';
import { type ContractContext, events, identity, newEvent } from './context';

export function idempotencyContract(ctx: ContractContext): void {
  describe('idempotency', () => {
    it('a repeated key returns the original result and appends nothing', async () => {
      const id = ctx.stream('d');
      const key = `cmd-${randomUUID()}`;
      const first = await ctx.store().append(id, events(2), { idempotencyKey: key });
      const again = await ctx.store().append(id, events(2), { idempotencyKey: key });
      expect(first.duplicate).toBe(false);
      expect(again.duplicate).toBe(true);
      expect(again.nextExpectedVersion).toBe(2);
      expect(again.events.map(identity)).toEqual(first.events.map(identity));
      expect(await ctx.store().readStream(id)).toHaveLength(2);
      expect(first.events[0]?.metadata.idempotencyKey).toBe(key);
    });

    it('a retried first append (no_stream) is a duplicate, not a conflict', async () => {
      const id = ctx.stream('d');
      const key = `cmd-${randomUUID()}`;
      await ctx.store().append(id, events(1), { expectedVersion: 'no_stream', idempotencyKey: key });
      await expect(
        ctx.store().append(id, events(1), { expectedVersion: 'no_stream', idempotencyKey: key }),
      ).resolves.toMatchObject({
        duplicate: true,
        nextExpectedVersion: 1,
      });
      await expect(
        ctx.store().append(id, events(1), { expectedVersion: 'no_stream', idempotencyKey: `other-${key}` }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });

    it('of 10 concurrent appends with the same key, exactly one appends', async () => {
      const id = ctx.stream('d');
      const key = `cmd-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          ctx.store().append(id, [newEvent('Pressed', { attempt: i })], { idempotencyKey: key }),
        ),
      );
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      const original = results.find((r) => !r.duplicate);
      for (const r of results) expect(r.events.map(identity)).toEqual(original?.events.map(identity));
      expect(await ctx.store().readStream(id)).toHaveLength(1);
    });

    it('concurrent same-key appends with no_stream: one appends, the others see a duplicate', async () => {
      const id = ctx.stream('d');
      const key = `cmd-${randomUUID()}`;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          ctx.store().append(id, events(1), { expectedVersion: 'no_stream', idempotencyKey: key }),
        ),
      );
      const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
      expect(fulfilled).toHaveLength(6);
      expect(fulfilled.filter((o) => !o.value.duplicate)).toHaveLength(1);
      expect(await ctx.store().readStream(id)).toHaveLength(1);
    });

    it('a key covers a whole multi-stream append', async () => {
      const a = ctx.stream('a');
      const b = ctx.stream('b');
      const key = `cmd-${randomUUID()}`;
      const appends = [
        { streamId: a, events: events(1) },
        { streamId: b, events: events(2) },
      ];
      const first = await ctx.store().appendToStreams(appends, { idempotencyKey: key });
      const again = await ctx.store().appendToStreams(appends, { idempotencyKey: key });
      expect(again.map((r) => r.duplicate)).toEqual([true, true]);
      expect(again.map((r) => [r.streamId, r.nextExpectedVersion])).toEqual([
        [a, 1],
        [b, 2],
      ]);
      expect(again.flatMap((r) => r.events.map(identity))).toEqual(first.flatMap((r) => r.events.map(identity)));
    });
  });
}
