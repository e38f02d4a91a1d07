import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { BinaryCopyError, type BinaryRow, readBinaryCopy } from './binary-copy';

/** The binary COPY reader against a real server: the values it reads are the server's own, however the rows are cut. */
describe('readBinaryCopy', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const read = async (query: string, fields: number, pick: (row: BinaryRow) => unknown): Promise<unknown[]> => {
    const out: unknown[] = [];
    const count = await readBinaryCopy(client, query, fields, (row) => out.push(pick(row)));
    expect(count).toBe(out.length);
    return out;
  };

  it('reads 64-bit integers, xid8, timestamps, int4, texts and NULLs as the server holds them', async () => {
    const rows = await read(
      `SELECT 9007199254740991::int8, '123456789'::xid8, timestamptz '2020-07-01 08:30:00.123456+07', 42::int4,
              'Hồ sơ "trễ hạn" \\ đã xử lý'::text, NULL::text, '{"a":[1,2]}'::json::text`,
      7,
      (row) => [
        row.int64(0),
        row.int64(1),
        row.int64(2) + 946_684_800_000_000,
        row.int32(3),
        row.text(4),
        row.isNull(5),
        row.text(6),
      ],
    );
    const micros = Date.UTC(2020, 6, 1, 1, 30, 0, 123) * 1000 + 456;
    expect(rows).toEqual([
      [9007199254740991, 123456789, micros, 42, 'Hồ sơ "trễ hạn" \\ đã xử lý', true, '{"a":[1,2]}'],
    ]);
  });

  it('reads every row of a result larger than many network chunks, rows cut across chunks included', async () => {
    const rows = await read(
      `SELECT n::int8, repeat(chr(192 + n % 60), n % 3000) FROM generate_series(1, 20000) AS n ORDER BY n`,
      2,
      (row) => [row.int64(0), row.text(1)],
    );
    expect(rows).toHaveLength(20_000);
    rows.forEach((row, i) => {
      const n = i + 1;
      expect(row).toEqual([n, String.fromCodePoint(192 + (n % 60)).repeat(n % 3000)]);
    });
  });

  it('reads an empty result, and refuses rows of another width than asked', async () => {
    expect(await read('SELECT 1::int4 WHERE false', 1, (row) => row.int32(0))).toEqual([]);
    await expect(readBinaryCopy(client, 'SELECT 1::int4, 2::int4', 1, () => undefined)).rejects.toThrow(
      BinaryCopyError,
    );
  });

  it('passes on the server error of a failing query, and the connection stays usable', async () => {
    await expect(readBinaryCopy(client, 'SELECT 1 / 0', 1, () => undefined)).rejects.toThrow(/division by zero/);
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
