import { Pool } from 'pg';
import { runMigrations } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { DossierCodeAllocator } from './dossier-code.allocator';
import { INTAKE_MIGRATIONS } from './intake.migrations';

describe('DossierCodeAllocator (PostgreSQL)', () => {
  let database: TestDatabase;
  let pools: Pool[];

  beforeAll(async () => {
    database = await createTestDatabase();
    pools = [new Pool({ connectionString: database.url, max: 4 }), new Pool({ connectionString: database.url, max: 4 })];
    await runMigrations(pools[0] as Pool, INTAKE_MIGRATIONS);
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await database.drop();
  });

  it('gives every receipt of a unit and day the next number, without gaps or repeats, across two intake processes', async () => {
    const allocators = pools.map((pool) => new DossierCodeAllocator(pool, { eventStore: 'postgres' }));
    const counters = [
      ['HUE', '2020-09-01'],
      ['HUE', '2020-09-02'],
      ['PVHCC', '2020-09-01'],
      ['PV|X', '2020-09-01'],
    ] as const;
    const taken = await Promise.all(
      Array.from({ length: 800 }, (_, i) => {
        const [unit, day] = counters[(i * 7) % counters.length] as (typeof counters)[number];
        return (allocators[i % 2] as DossierCodeAllocator).nextSequence(unit, day).then((n) => [`${unit} ${day}`, n] as const);
      }),
    );
    const byCounter = new Map<string, number[]>();
    for (const [key, n] of taken) byCounter.set(key, [...(byCounter.get(key) ?? []), n]);
    expect(byCounter.size).toBe(4);
    for (const numbers of byCounter.values()) expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await expect(allocators[0]?.nextSequence('HUE', '2020-09-01')).resolves.toBe(201);
  });

  it('records codes in shared batches; a code issued twice fails alone; several codes may name one dossier', async () => {
    const allocator = new DossierCodeAllocator(pools[0] as Pool, { eventStore: 'postgres' });
    const ids = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const outcomes = await Promise.allSettled([
      ...ids.map((id, i) => allocator.record(`C-${i}`, id)),
      allocator.record('C-7', '00000000-0000-4000-8000-999999999999'),
      allocator.record('C-repeat', ids[3] as string),
    ]);
    expect(outcomes.map((o) => o.status).filter((s) => s === 'rejected')).toHaveLength(1);
    expect(outcomes[50]?.status).toBe('rejected');
    await expect(allocator.dossierIdOf('C-7')).resolves.toBe(ids[7]);
    await expect(allocator.dossierIdOf('C-3')).resolves.toBe(ids[3]);
    await expect(allocator.dossierIdOf('C-repeat')).resolves.toBe(ids[3]);
  });

  it('commits without waiting for the WAL flush only with the event log in the same PostgreSQL, and only for its own transaction', async () => {
    const client = await (pools[0] as Pool).connect();
    try {
      await client.query('SET synchronous_commit = on'); // the test server runs with it off
      for (const asyncCommit of [true, false]) {
        await client.query('BEGIN');
        await client.query("SELECT * FROM intake.take_code_sequences('{X}', '{2020-09-01}', '{1}', $1)", [asyncCommit]);
        const inside = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        await client.query('COMMIT');
        const after = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        expect([inside.rows[0]?.synchronous_commit, after.rows[0]?.synchronous_commit]).toEqual([asyncCommit ? 'off' : 'on', 'on']);
      }
    } finally {
      client.release();
    }
  });
});
