import { InvalidEventError, WrongExpectedVersionError } from '../../errors';
import type { ExpectedVersion } from '../../event-store.port';
import { type ContractContext, events, identity, newEvent } from './context';

export function appendContract(ctx: ContractContext): void {
  describe('append', () => {
    it('appends events to a new stream at positions 1..n, chained, and reads them back identical', async () => {
      const id = ctx.stream('dossier');
      const result = await ctx
        .store()
        .append(id, [newEvent('Received', { channel: 'counter' }), newEvent('Transferred'), newEvent('Resolved')]);
      expect(result).toMatchObject({ streamId: id, nextExpectedVersion: 3, duplicate: false });
      expect(result.events.map((e) => e.streamPosition)).toEqual([1, 2, 3]);
      expect(result.events[0]?.prevHash).toBeNull();
      expect(result.events[1]?.prevHash).toBe(result.events[0]?.hash);
      expect(result.events[2]?.prevHash).toBe(result.events[1]?.hash);
      const positions = result.events.map((e) => e.globalPosition);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(result.events.map((e) => e.transactionId)).size).toBe(1);

      const read = await ctx.store().readStream(id);
      expect(read.map(identity)).toEqual(result.events.map(identity));
      expect(read[0]?.data).toMatchObject({ channel: 'counter' });
      expect(typeof read[0]?.data.occurredAt).toBe('string');
      expect(read[0]?.metadata).toMatchObject({ actor: 'clerk-1', unit: 'unit-7' });
      expect(read[0]?.schemaVersion).toBe(1);
      expect(read[0]?.recordedAt).toBeInstanceOf(Date);
      expect(Math.abs((read[0]?.recordedAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
      expect(await ctx.store().streamVersion(id)).toBe(3);
      expect(await ctx.store().streamVersion(ctx.stream('never'))).toBe(0);
    });

    it('continues a stream where it stopped', async () => {
      const id = ctx.stream('dossier');
      const first = await ctx.store().append(id, events(2));
      const second = await ctx.store().append(id, events(2), { expectedVersion: first.nextExpectedVersion });
      expect(second.events.map((e) => e.streamPosition)).toEqual([3, 4]);
      expect(second.events[0]?.prevHash).toBe(first.events[1]?.hash);
    });

    it('refuses malformed events before writing anything', async () => {
      const id = ctx.stream('bad');
      const noOccurredAt = { type: 'X', schemaVersion: 1, data: {} } as never;
      await expect(ctx.store().append(id, [noOccurredAt])).rejects.toBeInstanceOf(InvalidEventError);
      await expect(ctx.store().append(id, [{ ...newEvent('X'), type: '' }])).rejects.toBeInstanceOf(InvalidEventError);
      await expect(ctx.store().append(id, [{ ...newEvent('X'), schemaVersion: 0 }])).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      await expect(ctx.store().append(id, events(1), { expectedVersion: -4 })).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      expect(await ctx.store().readStream(id)).toEqual([]);
    });
  });

  describe('expected version', () => {
    const conflict = async (promise: Promise<unknown>): Promise<WrongExpectedVersionError> => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      return error as WrongExpectedVersionError;
    };

    it("'no_stream' (and 0) accepts a new stream only", async () => {
      const id = ctx.stream('d');
      await ctx.store().append(id, events(1), { expectedVersion: 'no_stream' });
      const error = await conflict(ctx.store().append(id, events(1), { expectedVersion: 'no_stream' }));
      expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 1, code: 'WRONG_EXPECTED_VERSION' });
      await conflict(ctx.store().append(id, events(1), { expectedVersion: 0 }));
      await ctx.store().append(ctx.stream('d'), events(1), { expectedVersion: 0 });
    });

    it("'exists' accepts an existing stream only", async () => {
      const id = ctx.stream('d');
      const error = await conflict(ctx.store().append(id, events(1), { expectedVersion: 'exists' }));
      expect(error).toMatchObject({ streamId: id, expected: 'exists', actual: 0 });
      await ctx.store().append(id, events(1));
      await expect(ctx.store().append(id, events(1), { expectedVersion: 'exists' })).resolves.toMatchObject({
        nextExpectedVersion: 2,
      });
    });

    it('an exact version accepts that version only', async () => {
      const id = ctx.stream('d');
      await ctx.store().append(id, events(2));
      const error = await conflict(ctx.store().append(id, events(1), { expectedVersion: 1 }));
      expect(error).toMatchObject({ streamId: id, expected: 1, actual: 2 });
      await conflict(ctx.store().append(id, events(1), { expectedVersion: 3 }));
      await expect(ctx.store().append(id, events(1), { expectedVersion: 2 })).resolves.toMatchObject({
        nextExpectedVersion: 3,
      });
      expect(await ctx.store().streamVersion(id)).toBe(3);
    });

    it("'any' (the default) always appends", async () => {
      const id = ctx.stream('d');
      await ctx.store().append(id, events(1), { expectedVersion: 'any' });
      await ctx.store().append(id, events(1));
      expect(await ctx.store().streamVersion(id)).toBe(2);
    });

    it('of 8 writers racing on the same version, exactly one wins', async () => {
      const id = ctx.stream('race');
      await ctx.store().append(id, events(1));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          ctx.store().append(id, [newEvent('Raced', { writer: i })], { expectedVersion: 1 }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected).toHaveLength(7);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(await ctx.store().readStream(id)).toHaveLength(2);
    });

    it('an empty append only checks the version', async () => {
      const id = ctx.stream('d');
      await ctx.store().append(id, events(2));
      await expect(ctx.store().append(id, [], { expectedVersion: 2 })).resolves.toMatchObject({
        nextExpectedVersion: 2,
        events: [],
      });
      const expected: ExpectedVersion = 5;
      await conflict(ctx.store().append(id, [], { expectedVersion: expected }));
      expect(await ctx.store().streamVersion(id)).toBe(2);
    });
  });
}
