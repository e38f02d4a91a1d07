import { Batcher, retryablePostgresError } from './batcher';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('Batcher', () => {
  it('sends the first item at once, the ones that arrive meanwhile together, and answers each with its own outcome', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        batches.push(items);
        await tick();
        return items.map((n) => n * 10);
      },
      { maxInFlight: 1, maxWeight: 3 },
    );
    const outcomes = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => batcher.submit(n)));
    expect(outcomes).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('keeps up to maxInFlight batches out at once', async () => {
    let out = 0;
    let most = 0;
    const batcher = new Batcher<number, void>(
      async (items) => {
        most = Math.max(most, ++out);
        await tick();
        out -= 1;
        return items.map(() => undefined);
      },
      { maxInFlight: 2, maxWeight: 2 },
    );
    await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.submit(i)));
    expect(most).toBe(2);
  });

  it('fails only the bad item of a failed batch, and sends a retryable failure again', async () => {
    let deadlocks = 1;
    const batcher = new Batcher<string, string>(
      async (items) => {
        if (deadlocks-- > 0) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        if (items.includes('bad')) throw new Error('invalid input');
        return items.map((s) => s.toUpperCase());
      },
      { maxInFlight: 1, maxWeight: 10, retryable: retryablePostgresError },
    );
    const outcomes = await Promise.allSettled(['a', 'b', 'bad', 'c'].map((s) => batcher.submit(s)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'rejected'))).toEqual(['A', 'B', 'rejected', 'C']);
  });
});
