import { WrongExpectedVersionError } from '../errors';
import { events } from '../testing/contract/context';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';

describe('group commit', () => {
  let h: PgTestStore;
  beforeAll(async () => {
    h = await createPgTestStore({ poolSize: 12 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('coalesces concurrent appends into fewer transactions, each caller getting its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => h.store.append(`g-${i}`, events(1), { expectedVersion: 'no_stream' })),
    );
    results.forEach((r, i) =>
      expect(r).toMatchObject({ streamId: `g-${i}`, nextExpectedVersion: 1, duplicate: false }),
    );
    const transactions = new Set(results.map((r) => r.events[0]?.transactionId));
    expect(transactions.size).toBeLessThan(32);
  });

  it('keeps conflicts per request: a stale writer fails, its batch neighbours commit', async () => {
    await h.store.append('stale', events(2));
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => h.store.append(`n-${i}`, events(2))),
      h.store.append('stale', events(1), { expectedVersion: 1 }),
    ]);
    expect(outcomes.slice(0, 10).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes[10]).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersionError) });
    for (let i = 0; i < 10; i += 1) expect(await h.store.streamVersion(`n-${i}`)).toBe(2);
    expect(await h.store.streamVersion('stale')).toBe(2);
  });

  it('a request PostgreSQL refuses fails alone', async () => {
    const bad = {
      type: 'Bad',
      schemaVersion: 1,
      data: { occurredAt: new Date().toISOString(), text: 'nul \u0000 byte' },
    };
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, i) => h.store.append(`ok-${i}`, events(1))),
      h.store.append('bad', [bad]),
    ]);
    expect(outcomes.slice(0, 8).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes[8]?.status).toBe('rejected');
    expect(await h.store.readStream('bad')).toEqual([]);
  });

  it('serialises appends to one stream that arrive together', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => h.store.append('hot', events(1))));
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await h.store.verify({ streamId: 'hot' })).ok).toBe(true);
  });
});
