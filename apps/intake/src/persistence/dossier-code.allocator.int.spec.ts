import { Pool } from 'pg';
import { runMigrations } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { DossierCodeAllocator } from './dossier-code.allocator';
import { INTAKE_MIGRATIONS } from './intake.migrations';

const dossier = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

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

  it('gives every receipt of a unit and day the next number, without gaps or repeats, across two intake processes, and records whose it is', async () => {
    const allocators = pools.map((pool) => new DossierCodeAllocator(pool, { eventStore: 'postgres' }));
    const counters = [
      ['000.00.01.H57', '2020-09-01'],
      ['000.00.01.H57', '2020-09-02'],
      ['000.00.21.H57', '2020-09-01'],
      ['000.20.21.H57', '2020-09-01'],
    ] as const;
    const taken = await Promise.all(
      Array.from({ length: 800 }, (_, i) => {
        const [unit, day] = counters[(i * 7) % counters.length] as (typeof counters)[number];
        return (allocators[i % 2] as DossierCodeAllocator).issueSequence(unit, day, dossier(i)).then((n) => ({ unit, day, n, id: dossier(i) }));
      }),
    );
    const byCounter = new Map<string, number[]>();
    for (const { unit, day, n } of taken) byCounter.set(`${unit} ${day}`, [...(byCounter.get(`${unit} ${day}`) ?? []), n]);
    expect(byCounter.size).toBe(4);
    for (const numbers of byCounter.values()) expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const { unit, day, n, id } of taken.filter((_, i) => i % 37 === 0)) {
      await expect(allocators[0]?.dossierIdOf(`${unit}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(4, '0')}`)).resolves.toBe(id);
    }
    await expect(allocators[0]?.issueSequence('000.00.01.H57', '2020-09-01', dossier(3))).resolves.toBe(201);
    await expect(allocators[0]?.dossierIdOf('000.00.01.H57-200901-0201')).resolves.toBe(dossier(3)); // two numbers, one dossier
    await expect(allocators[0]?.dossierIdOf('000.00.01.H57-200901-0202')).resolves.toBeUndefined();
    await expect(allocators[0]?.dossierIdOf('not a code')).resolves.toBeUndefined();
  });

  it('fails a request alone when its values are rejected', async () => {
    const allocator = new DossierCodeAllocator(pools[0] as Pool, { eventStore: 'postgres' });
    const outcomes = await Promise.allSettled([
      allocator.issueSequence('000.00.01.H57', '2020-10-01', dossier(1)),
      allocator.issueSequence('000.00.01.H57', '2020-10-01', dossier(2)),
      allocator.issueSequence('000.00.01.H57', '2020-02-30', dossier(3)),
      allocator.issueSequence('000.00.01.H57', '2020-10-01', dossier(4)),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'rejected'))).toEqual([1, 2, 'rejected', 3]);
  });

  it('commits without waiting for the WAL flush only with the event log in the same PostgreSQL, and only for its own transaction', async () => {
    const client = await (pools[0] as Pool).connect();
    try {
      await client.query('SET synchronous_commit = on'); // the test server runs with it off
      for (const asyncCommit of [true, false]) {
        await client.query('BEGIN');
        await client.query(`SELECT * FROM intake.issue_codes('{X}', '{2020-09-01}', '{${dossier(9)}}', $1)`, [asyncCommit]);
        const inside = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        await client.query('COMMIT');
        const after = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        expect([inside.rows[0]?.synchronous_commit, after.rows[0]?.synchronous_commit]).toEqual([asyncCommit ? 'off' : 'on', 'on']);
      }
    } finally {
      client.release();
    }
  });

  it('keeps every code issued before the upgrade to intake/003 (codes stored as text until then)', async () => {
    const older = await createTestDatabase();
    const pool = new Pool({ connectionString: older.url, max: 2 });
    try {
      await runMigrations(pool, INTAKE_MIGRATIONS.slice(0, 2));
      await pool.query(`INSERT INTO intake.dossier_codes (code, dossier_id) VALUES ('000.00.21.H57-200610-0001', $1), ('000.00.01.H57-201231-9999', $2)`, [dossier(1), dossier(2)]);
      await runMigrations(pool, INTAKE_MIGRATIONS);
      const allocator = new DossierCodeAllocator(pool, { eventStore: 'postgres' });
      await expect(allocator.dossierIdOf('000.00.21.H57-200610-0001')).resolves.toBe(dossier(1));
      await expect(allocator.dossierIdOf('000.00.01.H57-201231-9999')).resolves.toBe(dossier(2));
      await expect(allocator.dossierIdOf('000.00.21.H57-200610-0002')).resolves.toBeUndefined();
    } finally {
      await pool.end();
      await older.drop();
    }
  });
});
