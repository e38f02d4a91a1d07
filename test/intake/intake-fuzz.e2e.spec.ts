import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';

/** Random and malformed bodies: never a 5xx, and the event count changes only when a command was accepted. */
describe('intake: property-based fuzzing of the command API', () => {
  let subject: TestApp;
  let token: string;
  let dossierId: string;
  beforeAll(async () => {
    subject = await createTestApp();
    token = subject.token('supervisor', [CENTRE]);
    const created = await request(subject.app.getHttpServer())
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${token}`)
      .send({ procedureCode: 'T-DKDN-01', receivingUnitId: CENTRE, channel: 'counter', receivedAt: '2020-09-01T02:00:00Z' })
      .expect(201);
    dossierId = created.body.id;
  });
  afterAll(() => subject.close());

  const eventCount = async (): Promise<number> =>
    Number((await subject.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events')).rows[0]?.n);

  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('tth-pvhcc', 'T-DKDN-01', 'counter', 'online', 'postal', 'approved', 'refused', '2020-09-01T02:00:00Z', '2020-09-15', '2999-01-01T00:00:00Z', ''),
  );
  const field = fc.constantFrom('procedureCode', 'receivingUnitId', 'competentUnitId', 'channel', 'receivedAt', 'applicantReference', 'reason', 'at', 'outcome', 'via', 'toUnitId', 'newAppointmentDate', 'changes', 'documents', 'amount', '__proto__', 'constructor');
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(field, scalar, { maxKeys: 3 }));
  const bodyArb = fc.oneof(fc.dictionary(field, value, { maxKeys: 7 }), value);
  const path = fc.constantFrom(
    '/api/v1/dossiers',
    '/api/v1/receipt-refusals',
    ...['transfer', 'request-supplement', 'receive-supplement', 'request-financial-obligation', 'fulfil-financial-obligation', 'reschedule', 'record-result', 'return-result', 'withdraw', 'stop', 'correct'].map(
      (a) => `/api/v1/dossiers/{id}/${a}`,
    ),
  );

  it('never answers 5xx; appends only for 2xx answers', async () => {
    await fc.assert(
      fc.asyncProperty(path, bodyArb, fc.boolean(), async (template, body, raw) => {
        const before = await eventCount();
        const url = template.replace('{id}', dossierId);
        const req = request(subject.app.getHttpServer()).post(url).set('Authorization', `Bearer ${token}`);
        const json = JSON.stringify(body);
        const response = await req.set('Content-Type', 'application/json').send(raw ? json.slice(0, -1) : json);
        const after = await eventCount();
        expect(response.status).toBeLessThan(500);
        expect(response.body).toHaveProperty(response.status < 300 ? 'id' : 'code');
        if (response.status >= 300) expect(after).toBe(before);
        else expect(after).toBeGreaterThan(before);
      }),
      { numRuns: 300 },
    );
  });
});
