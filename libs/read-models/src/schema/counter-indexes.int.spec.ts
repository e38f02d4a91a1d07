import { activeGeneration, indexGeneration } from '../generations/generation-repository';
import { type ReadModelTestKit, createReadModelTestKit } from '../testing/read-model-test-kit';

/**
 * read-models/005: the prefix sums by procedure (dashboard, figures by procedure) range-scan (unit, grain, period) of
 * unit_procedure_counters — in the active generation and in every generation indexed later (a rebuild's).
 */
describe('the counters of a generation are indexed by (unit, grain, period)', () => {
  let kit: ReadModelTestKit;
  beforeAll(async () => {
    kit = await createReadModelTestKit();
  });
  afterAll(() => kit.close());

  async function periodIndexes(generation: number): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const table of ['unit_counters', 'unit_procedure_counters']) {
      const { rows } = await kit.database.pool.query<{ columns: string[] }>(
        `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS columns
           FROM pg_index i
           CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
          WHERE i.indrelid = $1::regclass
          GROUP BY i.indexrelid`,
        [`read_models.${table}_g${generation}`],
      );
      result[table] = rows
        .map((r) => r.columns.join(','))
        .filter((columns) => columns.startsWith('unit_id,grain,period'));
    }
    return result;
  }

  const expected = { unit_counters: ['unit_id,grain,period'], unit_procedure_counters: ['unit_id,grain,period'] };

  it('in the active generation and in a new one once indexed', async () => {
    expect(await periodIndexes((await activeGeneration(kit.database.pool)).id)).toEqual(expected);
    const { rows } = await kit.database.pool.query<{ id: number }>('SELECT read_models.create_generation() AS id');
    const created = rows[0]!.id;
    try {
      await indexGeneration(kit.database.pool, created);
      expect(await periodIndexes(created)).toEqual(expected);
    } finally {
      await kit.database.pool.query('SELECT read_models.drop_generation($1)', [created]);
    }
  });
});
