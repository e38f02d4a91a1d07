import fc from 'fast-check';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { canonicalJson } from './canonical-json';
import { canonicalFromJsonbText } from './jsonb-text';
import { canonicalJsonOfParsed } from './parsed-json';

/** The fast canonical forms against canonicalJson, on PostgreSQL's own jsonb text output of arbitrary JSON. */
describe('canonical JSON from jsonb text', () => {
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

  const jsonbText = async (values: unknown[]): Promise<string[]> =>
    (
      await client.query<{ t: string }>({
        text: 'SELECT x::text AS t FROM unnest($1::jsonb[]) WITH ORDINALITY AS u(x, n) ORDER BY n',
        values: [values.map((v) => JSON.stringify(v))],
      })
    ).rows.map((r) => r.t);

  it('gives canonicalJson of the value, or gives up (null) and the parsed path does', async () => {
    const noNul = (value: unknown): boolean => !JSON.stringify(value).includes('\\u0000');
    const samples = fc.sample(fc.object({ maxDepth: 3, values: [fc.jsonValue()] }).filter(noNul), {
      numRuns: 400,
      seed: 12,
    });
    samples.push(
      { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, A: 0, é: 'Nguyễn', '10': 1, '9': 2, 'a!': 1, a0: [] },
      { n: 1e21, m: 0.1, k: -0, s: 'line\nbreak "quoted"', e: {}, l: [[], {}] },
      {
        dossierId: 'x',
        receivedAt: '2020-01-02T00:31:00.000Z',
        timeLimit: { unit: 'immediate' },
        dueDate: null,
        fee: 12.5,
      },
    );
    const texts = await jsonbText(samples);
    let fast = 0;
    texts.forEach((text) => {
      const expected = canonicalJson(JSON.parse(text));
      expect(canonicalJsonOfParsed(JSON.parse(text))).toBe(expected);
      const copied = canonicalFromJsonbText(text);
      if (copied !== null) {
        fast += 1;
        expect(copied).toBe(expected);
      }
    });
    expect(fast).toBeGreaterThan(20);
    // The shapes of the log (keys out of order, integer-like keys, Vietnamese text, nulls, decimals) take the fast path.
    expect(canonicalFromJsonbText(texts[texts.length - 3] as string)).not.toBeNull();
    expect(canonicalFromJsonbText(texts[texts.length - 1] as string)).not.toBeNull();
  });
});
