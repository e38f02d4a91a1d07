import { type ContractContext, events } from './context';

export function integrityContract(ctx: ContractContext): void {
  describe('integrity', () => {
    it('verifies untouched chains', async () => {
      const id = ctx.stream('d');
      await ctx.store().append(id, events(5));
      await ctx.store().append(id, events(2));
      const one = await ctx.store().verify({ streamId: id });
      expect(one).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 7, problems: [] });
      const all = await ctx.store().verify();
      expect(all.ok).toBe(true);
      expect(all.eventsChecked).toBeGreaterThanOrEqual(7);
    });

    it('seals the log, chains the seals, and verifies an exported seal', async () => {
      await ctx.store().append(ctx.stream('d'), events(3));
      const first = await ctx.store().seal();
      expect(first.eventCount).toBeGreaterThanOrEqual(3);
      expect(first.sealHash).toMatch(/^[0-9a-f]{64}$/);
      await ctx.store().append(ctx.stream('d'), events(2));
      const second = await ctx.store().seal();
      expect(second.sealNumber).toBe(first.sealNumber + 1);
      expect(second.prevSealHash).toBe(first.sealHash);
      expect(second.after).toEqual(first.upTo);
      expect(second.eventCount).toBeGreaterThanOrEqual(2);
      const exported = JSON.parse(JSON.stringify(second)) as typeof second;
      await expect(ctx.store().verifySeal(exported)).resolves.toMatchObject({
        ok: true,
        recomputedHash: second.sealHash,
        problems: [],
      });
      const forged = { ...exported, sealHash: 'f'.repeat(64) };
      const verdict = await ctx.store().verifySeal(forged);
      expect(verdict.ok).toBe(false);
      expect(verdict.problems.length).toBeGreaterThan(0);
    });
  });
}
