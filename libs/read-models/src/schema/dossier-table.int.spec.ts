import { activeGeneration } from '../generations/generation-repository';
import { type ReadModelTestKit, createReadModelTestKit } from '../testing/read-model-test-kit';
import { DOSSIER_PRIMARY_KEY, DOSSIER_TABLE, type TableColumn } from './dossier-table';

const INFORMATION_SCHEMA_TYPE: Record<TableColumn<unknown>['sqlType'], string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  date: 'date',
  timestamptz: 'timestamp with time zone',
  jsonb: 'jsonb',
};

/** The migrations' DDL (frozen, append-only) and DOSSIER_TABLE describe the same table. */
describe('the dossier table of a generation', () => {
  let kit: ReadModelTestKit;
  beforeAll(async () => {
    kit = await createReadModelTestKit();
  });
  afterAll(() => kit.close());

  async function shapeOf(generation: number): Promise<{ columns: unknown[]; primaryKey: string[] }> {
    const table = `dossiers_g${generation}`;
    const columns = await kit.database.pool.query(
      `SELECT column_name AS name, data_type AS type, is_nullable = 'YES' AS nullable
         FROM information_schema.columns WHERE table_schema = 'read_models' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const primaryKey = await kit.database.pool.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [`read_models.${table}`],
    );
    return { columns: columns.rows, primaryKey: primaryKey.rows.map((r) => r.name) };
  }

  const expected = {
    columns: Object.entries(DOSSIER_TABLE).map(([name, column]) => ({
      name,
      type: INFORMATION_SCHEMA_TYPE[column.sqlType],
      nullable: column.nullable,
    })),
    primaryKey: [DOSSIER_PRIMARY_KEY],
  };

  it('has the columns of DOSSIER_TABLE, in order, in the active generation and in a new one', async () => {
    expect(await shapeOf((await activeGeneration(kit.database.pool)).id)).toEqual(expected);
    const { rows } = await kit.database.pool.query<{ id: number }>('SELECT read_models.create_generation() AS id');
    const created = rows[0]!.id;
    try {
      expect(await shapeOf(created)).toEqual(expected);
    } finally {
      await kit.database.pool.query('SELECT read_models.drop_generation($1)', [created]);
    }
  });
});
