import { InvalidEventError, WrongExpectedVersionError } from '../../errors';
import { type ContractContext, events } from './context';

export function multiStreamContract(ctx: ContractContext): void {
  describe('multi-stream append', () => {
    it('appends to several streams in one transaction', async () => {
      const a = ctx.stream('a');
      const b = ctx.stream('b');
      await ctx.store().append(b, events(1));
      const results = await ctx.store().appendToStreams([
        { streamId: a, events: events(2), expectedVersion: 'no_stream' },
        { streamId: b, events: events(1), expectedVersion: 1 },
      ]);
      expect(results.map((r) => [r.streamId, r.nextExpectedVersion])).toEqual([
        [a, 2],
        [b, 2],
      ]);
      const tx = new Set(results.flatMap((r) => r.events.map((e) => e.transactionId)));
      expect(tx.size).toBe(1);
      expect(await ctx.store().readStream(a)).toHaveLength(2);
      expect(await ctx.store().readStream(b)).toHaveLength(2);
    });

    it('a conflict on one stream appends nothing on the others', async () => {
      const a = ctx.stream('a');
      const b = ctx.stream('b');
      const c = ctx.stream('c');
      await ctx.store().append(b, events(3));
      const error = await ctx
        .store()
        .appendToStreams([
          { streamId: a, events: events(2), expectedVersion: 'no_stream' },
          { streamId: b, events: events(1), expectedVersion: 2 },
          { streamId: c, events: events(1) },
        ])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: b, expected: 2, actual: 3 });
      expect(await ctx.store().readStream(a)).toEqual([]);
      expect(await ctx.store().readStream(c)).toEqual([]);
      expect(await ctx.store().streamVersion(a)).toBe(0);
      expect(await ctx.store().readStream(b)).toHaveLength(3);
      // the streams are left usable
      await ctx.store().append(a, events(1), { expectedVersion: 'no_stream' });
    });

    it('refuses the same stream twice in one append', async () => {
      const a = ctx.stream('a');
      await expect(
        ctx.store().appendToStreams([
          { streamId: a, events: events(1) },
          { streamId: a, events: events(1) },
        ]),
      ).rejects.toBeInstanceOf(InvalidEventError);
    });
  });
}
