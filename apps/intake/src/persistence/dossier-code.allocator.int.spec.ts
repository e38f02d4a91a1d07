import { Pool } from 'pg';
import { runMigrations } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { DossierCodeAllocator, type IssuedSequence } from './dossier-code.allocator';
import { INTAKE_MIGRATIONS } from './intake.migrations';

const dossier = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/** The number issued, or what happened instead. */
const numberOf = (issued: Promise<IssuedSequence>): Promise<number | string> =>
  issued.then((i) => ('sequence' in i ? i.sequence : i.outcome));

describe('DossierCodeAllocator (PostgreSQL)', () => {
  let database: TestDatabase;
  let pools: Pool[];

  beforeAll(async () => {
    database = await createTestDatabase();
    pools = [
      new Pool({ connectionString: database.url, max: 4 }),
      new Pool({ connectionString: database.url, max: 4 }),
    ];
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
        return numberOf((allocators[i % 2] as DossierCodeAllocator).issueSequence(unit, day, dossier(i))).then((n) => ({
          unit,
          day,
          n: n as number,
          id: dossier(i),
        }));
      }),
    );
    const byCounter = new Map<string, number[]>();
    for (const { unit, day, n } of taken)
      byCounter.set(`${unit} ${day}`, [...(byCounter.get(`${unit} ${day}`) ?? []), n]);
    expect(byCounter.size).toBe(4);
    for (const numbers of byCounter.values())
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const { unit, day, n, id } of taken.filter((_, i) => i % 37 === 0)) {
      await expect(
        allocators[0]?.dossierIdOf(
          `${unit}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(4, '0')}`,
        ),
      ).resolves.toBe(id);
    }
    await expect(allocators[0]?.dossierIdOf('000.00.01.H57-200901-0201')).resolves.toBeUndefined();
    await expect(allocators[0]?.dossierIdOf('not a code')).resolves.toBeUndefined();
  });

  it('gives a repeat (same dossier, unit and day) the number it holds, and takes none', async () => {
    const allocator = new DossierCodeAllocator(pools[0] as Pool, { eventStore: 'postgres' });
    const first = await numberOf(allocator.issueSequence('000.00.02.H57', '2020-11-02', dossier(1500)));
    const repeats = await Promise.all(
      Array.from({ length: 20 }, () => numberOf(allocator.issueSequence('000.00.02.H57', '2020-11-02', dossier(1500)))),
    );
    expect(repeats).toEqual(Array.from({ length: 20 }, () => first));
    // two copies of one new request sent together share their number (in one batch or in two)
    const [a, b, c] = await Promise.all([
      allocator.issueSequence('000.00.02.H57', '2020-11-02', dossier(1501)),
      allocator.issueSequence('000.00.02.H57', '2020-11-02', dossier(1501)),
      allocator.issueSequence('000.00.02.H57', '2020-11-02', dossier(1502)),
    ]);
    expect(a).toEqual({ outcome: 'issued', sequence: 2 });
    expect(b).toMatchObject({ sequence: 2 });
    expect(c).toEqual({ outcome: 'issued', sequence: 3 });
    const counter = await (pools[0] as Pool).query(
      `SELECT last_sequence FROM intake.dossier_code_counters WHERE unit_code = '000.00.02.H57' AND local_day = '2020-11-02'`,
    );
    expect(counter.rows[0].last_sequence).toBe(3);
  });

  it('tells when the dossier holds a number of another day, and issues one there only when asked to', async () => {
    const allocator = new DossierCodeAllocator(pools[0] as Pool, { eventStore: 'postgres' });
    await expect(allocator.issueSequence('000.00.03.H57', '2020-11-02', dossier(1600))).resolves.toEqual({
      outcome: 'issued',
      sequence: 1,
    });
    await expect(allocator.issueSequence('000.00.03.H57', '2020-11-03', dossier(1600))).resolves.toEqual({
      outcome: 'held_elsewhere',
    });
    await expect(allocator.issueSequence('000.00.03.H57', '2020-11-03', dossier(1601))).resolves.toEqual({
      outcome: 'issued',
      sequence: 1,
    });
    await expect(
      allocator.issueSequence('000.00.03.H57', '2020-11-03', dossier(1600), { fresh: true }),
    ).resolves.toEqual({ outcome: 'issued', sequence: 2 });
    await expect(allocator.issueSequence('000.00.03.H57', '2020-11-03', dossier(1600))).resolves.toEqual({
      outcome: 'held',
      sequence: 2,
    });
  });

  it('issues no number past the last of the code format (9999): the day is exhausted, repeats still get theirs', async () => {
    const allocator = new DossierCodeAllocator(pools[0] as Pool, { eventStore: 'postgres' });
    await (pools[0] as Pool).query(
      `INSERT INTO intake.dossier_code_counters VALUES ('000.00.04.H57', '2020-11-02', 9997)`,
    );
    const outcomes = await Promise.all(
      [1700, 1701, 1702, 1703].map((i) => numberOf(allocator.issueSequence('000.00.04.H57', '2020-11-02', dossier(i)))),
    );
    expect(outcomes).toEqual([9998, 9999, 'exhausted', 'exhausted']);
    await expect(numberOf(allocator.issueSequence('000.00.04.H57', '2020-11-02', dossier(1704)))).resolves.toBe(
      'exhausted',
    );
    await expect(numberOf(allocator.issueSequence('000.00.04.H57', '2020-11-02', dossier(1701)))).resolves.toBe(9999);
    await expect(numberOf(allocator.issueSequence('000.00.04.H57', '2020-11-03', dossier(1705)))).resolves.toBe(1);
    const issued = await (pools[0] as Pool).query(
      `SELECT count(*)::int AS n, max(sequence) AS top FROM intake.issued_codes WHERE unit_code = '000.00.04.H57'`,
    );
    expect(issued.rows[0]).toEqual({ n: 3, top: 9999 });
  });

  it('fails a request alone when its values are rejected', async () => {
    const allocator = new DossierCodeAllocator(pools[0] as Pool, { eventStore: 'postgres' });
    const outcomes = await Promise.allSettled([
      numberOf(allocator.issueSequence('000.00.01.H57', '2020-10-01', dossier(1801))),
      numberOf(allocator.issueSequence('000.00.01.H57', '2020-10-01', dossier(1802))),
      numberOf(allocator.issueSequence('000.00.01.H57', '2020-02-30', dossier(1803))),
      numberOf(allocator.issueSequence('000.00.01.H57', '2020-10-01', dossier(1804))),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'rejected'))).toEqual([1, 2, 'rejected', 3]);
  });

  it('commits without waiting for the WAL flush only with the event log in the same PostgreSQL, and only for its own transaction', async () => {
    const client = await (pools[0] as Pool).connect();
    try {
      await client.query('SET synchronous_commit = on'); // the test server runs with it off
      for (const asyncCommit of [true, false]) {
        await client.query('BEGIN');
        await client.query(
          `SELECT * FROM intake.issue_codes('{X}', '{2020-09-01}', '{${dossier(9)}}', '{f}', $1, 9999)`,
          [asyncCommit],
        );
        const inside = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        await client.query('COMMIT');
        const after = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        expect([inside.rows[0]?.synchronous_commit, after.rows[0]?.synchronous_commit]).toEqual([
          asyncCommit ? 'off' : 'on',
          'on',
        ]);
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
      await pool.query(
        `INSERT INTO intake.dossier_codes (code, dossier_id) VALUES ('000.00.21.H57-200610-0001', $1), ('000.00.01.H57-201231-9999', $2)`,
        [dossier(1), dossier(2)],
      );
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
