import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { headerValue, jsonBody, mutatedBody, rawBody, referenceBody, reportQuery, scalar } from './fuzz-arbitraries';

const CENTRE = 'tth-pvhcc';
const SEED = 20_261_126;
const ACTIONS = [
  'transfer',
  'request-supplement',
  'receive-supplement',
  'request-financial-obligation',
  'fulfil-financial-obligation',
  'reschedule',
  'record-result',
  'return-result',
  'withdraw',
  'stop',
  'correct',
];
const WRITE_PATHS = [
  '/api/v1/dossiers',
  '/api/v1/receipt-refusals',
  ...ACTIONS.map((a) => `/api/v1/dossiers/{id}/${a}`),
];
const LEAK =
  /\n\s+at |\.ts:\d+|node_modules|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|syntax error at|violates|relation "|duplicate key|invalid byte sequence|unsupported Unicode escape|QueryFailedError|TypeError|RangeError/;

/** Every byte percent-encoded (a lone surrogate becomes U+FFFD's bytes, as any HTTP client would send it). */
const encode = (text: string): string =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/**
 * Seeded, bounded fuzzing of every write endpoint, the reference uploads, the reports' query parameters and the
 * reads (~2,000 requests): never a 5xx, never a stack trace or SQL in an answer, every error in the error shape,
 * and nothing recorded unless the answer is 2xx.
 */
describe('HTTP fuzzing: every write endpoint, reference uploads, report parameters, reads', () => {
  let subject: TestApp;
  let tokens: string[];
  const dossiers: string[] = [];
  const statuses = new Map<number, number>();
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    subject = await createTestApp();
    tokens = await Promise.all([
      subject.token('admin'),
      subject.token('supervisor', [CENTRE]),
      subject.token('clerk', [CENTRE]),
      subject.token('auditor'),
    ]);
    for (let i = 0; i < 5; i++) {
      const receipt = {
        procedureCode: 'T-DKDN-01',
        receivingUnitId: CENTRE,
        channel: 'counter',
        receivedAt: '2020-09-01T02:00:00Z',
      };
      dossiers.push(
        (await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${tokens[0]}`).send(receipt).expect(201))
          .body.id,
      );
    }
  });
  afterAll(async () => {
    console.log(`fuzz answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    await subject.close();
  });

  const eventCount = async (): Promise<number> =>
    Number(
      (await subject.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events')).rows[0]?.n,
    );

  const check = (response: request.Response): void => {
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    expect({ status: response.status, body: response.status >= 500 ? response.text : '' }).toEqual({
      status: expect.any(Number),
      body: '',
    });
    expect(response.status).toBeLessThan(500);
    expect(response.text).not.toMatch(LEAK);
    if (response.status >= 400)
      expect(response.body).toEqual(
        expect.objectContaining({ statusCode: response.status, code: expect.any(String), message: expect.any(String) }),
      );
  };

  const headers = fc.oneof(
    { weight: 3, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.record(
        { 'Idempotency-Key': headerValue, 'If-Match': headerValue, 'X-Correlation-Id': headerValue },
        { requiredKeys: [] },
      ),
    },
  );
  const target = fc.record({ path: fc.constantFrom(...WRITE_PATHS), dossier: fc.nat(), token: fc.nat(3), headers });

  const send = async (
    method: 'post' | 'put',
    url: string,
    token: string,
    extra: Record<string, string>,
    body: string,
    contentType = 'application/json',
  ) => {
    const before = await eventCount();
    let call = http()[method](url).set('Authorization', `Bearer ${token}`).set('Content-Type', contentType);
    for (const [name, value] of Object.entries(extra)) call = call.set(name, value);
    const response = await call.send(body);
    check(response);
    if (response.status >= 300) expect(await eventCount()).toBe(before);
    if (response.status === 201 && typeof response.body?.id === 'string') dossiers.push(response.body.id);
  };

  it('write endpoints with JSON bodies of known and unknown fields, hostile text, odd headers (1,000 requests)', async () => {
    await fc.assert(
      fc.asyncProperty(
        target.chain((t) => fc.tuple(fc.constant(t), fc.oneof(jsonBody, mutatedBody(t.path), mutatedBody(t.path)))),
        async ([{ path, dossier, token, headers: extra }, body]) => {
          const url = path.replace('{id}', dossiers[dossier % dossiers.length] as string);
          await send('post', url, tokens[token] as string, extra as Record<string, string>, JSON.stringify(body));
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('write endpoints with raw bodies: malformed, 1,000–3,000 levels deep, over 100 KB, not JSON (300 requests)', async () => {
    await fc.assert(
      fc.asyncProperty(
        target,
        rawBody,
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
        ),
        async ({ path, dossier, token }, body, contentType) => {
          const url = path.replace('{id}', dossiers[dossier % dossiers.length] as string);
          await send('post', url, tokens[token] as string, {}, body, contentType);
        },
      ),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('reference uploads: empty sets, [{}], broken calendars, deep content, NUL (250 requests)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('units', 'procedures', 'calendar', 'nothing', '%00', 'units%2F..'),
        referenceBody,
        fc.nat(3),
        async (kind, body, token) => {
          await send('put', `/api/v1/reference/${kind}`, tokens[token] as string, {}, JSON.stringify(body));
        },
      ),
      { seed: SEED + 2, numRuns: 250 },
    );
    for (const kind of ['units', 'procedures', 'calendar']) {
      const current = await http()
        .get(`/api/v1/reference/${kind}`)
        .set('Authorization', `Bearer ${tokens[0]}`)
        .expect(200);
      expect(current.body.records.length).toBeGreaterThan(0);
    }
  });

  it("the reports' query parameters (350 requests)", async () => {
    await fc.assert(
      fc.asyncProperty(reportQuery, fc.nat(3), async (query, token) => {
        const search = Object.entries(query)
          .map(([k, v]) => `${encode(k)}=${encode(v)}`)
          .join('&');
        check(
          await http().get(`/api/v1/reports/dossier-figures?${search}`).set('Authorization', `Bearer ${tokens[token]}`),
        );
      }),
      { seed: SEED + 3, numRuns: 350 },
    );
  });

  it('reads: dossiers by id, history, by code, reference kinds (100 requests)', async () => {
    const id = fc.oneof(
      fc.nat().map((i) => dossiers[i % dossiers.length] as string),
      fc.uuid(),
      scalar.map((s) => String(s)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/v1/dossiers/{id}',
          '/api/v1/dossiers/{id}/history',
          '/api/v1/dossiers?code={id}',
          '/api/v1/reference/{id}',
        ),
        id,
        fc.nat(3),
        async (path, value, token) => {
          check(
            await http()
              .get(path.replace('{id}', encode(value)))
              .set('Authorization', `Bearer ${tokens[token]}`),
          );
        },
      ),
      { seed: SEED + 4, numRuns: 100 },
    );
  });
});
