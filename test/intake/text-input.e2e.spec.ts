import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';
const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const RECEIPT = {
  procedureCode: 'T-DKDN-01',
  receivingUnitId: CENTRE,
  channel: 'counter',
  receivedAt: '2020-09-01T02:00:00Z',
};

/**
 * A NUL character or a lone UTF-16 surrogate in any text reached PostgreSQL (which refuses both in jsonb and text)
 * and came back as a 500. Every text of every body, query and path is now checked at the edge: a 400 naming the
 * field and the rule, and nothing recorded.
 */
describe('text input: NUL and lone surrogates are refused at the edge, naming the field', () => {
  let subject: TestApp;
  let admin: string;
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    subject = await createTestApp();
    admin = await subject.token('admin');
  });
  afterAll(() => subject.close());

  const newDossier = async (): Promise<string> =>
    (await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${admin}`).send(RECEIPT).expect(201)).body
      .id as string;

  const eventCount = async (): Promise<number> =>
    Number(
      (await subject.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events')).rows[0]?.n,
    );

  type Case = {
    name: string;
    path: (id: string) => string;
    method?: 'post' | 'put';
    body: (bad: string) => unknown;
    field: string;
  };
  const cases: Case[] = [
    {
      name: 'receipt applicantReference',
      path: () => '/api/v1/dossiers',
      body: (bad) => ({ ...RECEIPT, applicantReference: bad }),
      field: 'applicantReference',
    },
    {
      name: 'receipt procedureCode',
      path: () => '/api/v1/dossiers',
      body: (bad) => ({ ...RECEIPT, procedureCode: bad }),
      field: 'procedureCode',
    },
    {
      name: 'receipt receivingUnitId',
      path: () => '/api/v1/dossiers',
      body: (bad) => ({ ...RECEIPT, receivingUnitId: bad }),
      field: 'receivingUnitId',
    },
    {
      name: 'refusal reason',
      path: () => '/api/v1/receipt-refusals',
      body: (bad) => ({ procedureCode: 'T-DKDN-01', receivingUnitId: CENTRE, channel: 'counter', reason: bad }),
      field: 'reason',
    },
    {
      name: 'transfer reason',
      path: (id) => `/api/v1/dossiers/${id}/transfer`,
      body: (bad) => ({ toUnitId: 'tth-hcc-huong-thuy', reason: bad, at: '2020-09-01T03:00:00Z' }),
      field: 'reason',
    },
    {
      name: 'transfer toUnitId',
      path: (id) => `/api/v1/dossiers/${id}/transfer`,
      body: (bad) => ({ toUnitId: bad, at: '2020-09-01T03:00:00Z' }),
      field: 'toUnitId',
    },
    {
      name: 'supplement documents',
      path: (id) => `/api/v1/dossiers/${id}/request-supplement`,
      body: (bad) => ({ reason: 'thiếu', documents: ['một', 'hai', bad], at: '2020-09-01T03:00:00Z' }),
      field: 'documents.2',
    },
    {
      name: 'fee description',
      path: (id) => `/api/v1/dossiers/${id}/request-financial-obligation`,
      body: (bad) => ({ amount: 1000, description: bad, at: '2020-09-01T03:00:00Z' }),
      field: 'description',
    },
    {
      name: 'reschedule reason',
      path: (id) => `/api/v1/dossiers/${id}/reschedule`,
      body: (bad) => ({ newAppointmentDate: '2020-09-30', reason: bad, at: '2020-09-01T03:00:00Z' }),
      field: 'reason',
    },
    {
      name: 'refused result reason',
      path: (id) => `/api/v1/dossiers/${id}/record-result`,
      body: (bad) => ({ outcome: 'refused', reason: bad, at: '2020-09-01T03:00:00Z' }),
      field: 'reason',
    },
    {
      name: 'withdraw reason',
      path: (id) => `/api/v1/dossiers/${id}/withdraw`,
      body: (bad) => ({ reason: bad, at: '2020-09-01T03:00:00Z' }),
      field: 'reason',
    },
    {
      name: 'stop reason',
      path: (id) => `/api/v1/dossiers/${id}/stop`,
      body: (bad) => ({ reason: bad, at: '2020-09-01T03:00:00Z' }),
      field: 'reason',
    },
    {
      name: 'correction reason',
      path: (id) => `/api/v1/dossiers/${id}/correct`,
      body: (bad) => ({ reason: bad, changes: { channel: 'online' } }),
      field: 'reason',
    },
    {
      name: 'correction changes.receivingUnitId',
      path: (id) => `/api/v1/dossiers/${id}/correct`,
      body: (bad) => ({ reason: 'sửa', changes: { receivingUnitId: bad } }),
      field: 'changes.receivingUnitId',
    },
    {
      name: 'reference source',
      method: 'put',
      path: () => '/api/v1/reference/units',
      body: (bad) => ({ format: 'json', content: '[]', source: bad }),
      field: 'source',
    },
    {
      name: 'reference content',
      method: 'put',
      path: () => '/api/v1/reference/procedures',
      body: (bad) => ({ format: 'csv', content: `code,name\n${bad},x`, source: 'x' }),
      field: 'content',
    },
  ];

  for (const [label, bad, rule] of [
    ['NUL', NUL, 'noNulCharacter'],
    ['lone surrogate', LONE_SURROGATE, 'wellFormedUnicode'],
  ] as const) {
    it.each(cases)(
      `${label} in $name → 400 naming the field, nothing recorded`,
      async ({ path, method = 'post', body, field }) => {
        const id = await newDossier();
        const before = await eventCount();
        const agent = http();
        const response = await agent[method](path(id))
          .set('Authorization', `Bearer ${admin}`)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body(bad)));
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: expect.stringContaining(field),
        });
        expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
        expect(await eventCount()).toBe(before);
      },
    );
  }

  it('a NUL inside the JSON of a reference upload names the record and the field', async () => {
    const units = (await http().get('/api/v1/reference/units').set('Authorization', `Bearer ${admin}`).expect(200)).body
      .records as { name: string }[];
    const content = JSON.stringify(units.map((u, i) => (i === 1 ? { ...u, name: NUL } : u)));
    const response = await http()
      .put('/api/v1/reference/units')
      .set('Authorization', `Bearer ${admin}`)
      .send({ format: 'json', content })
      .expect(400);
    expect(response.body.code).toBe('INVALID_REFERENCE_DATA');
    expect(response.body.message).toMatch(/Bản ghi 2.*name/);
  });

  it('query parameters: GET /dossiers?code= and the report parameters', async () => {
    const byCode = await http().get('/api/v1/dossiers').query({ code: NUL }).set('Authorization', `Bearer ${admin}`);
    expect(byCode.status).toBe(400);
    expect(byCode.body.errors).toEqual([expect.objectContaining({ field: 'code', rule: 'noNulCharacter' })]);
    for (const parameter of ['from', 'to', 'unit', 'level', 'groupBy', 'asKnownAt', 'source', 'format']) {
      const query = { from: '2020-06-10', to: '2020-09-04', unit: CENTRE, [parameter]: NUL };
      const response = await http()
        .get('/api/v1/reports/dossier-figures')
        .query(query)
        .set('Authorization', `Bearer ${admin}`);
      expect({ parameter, status: response.status }).toEqual({ parameter, status: 400 });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: parameter })]));
    }
  });

  it('well-formed text (Vietnamese, emoji as a surrogate pair, tabs and line breaks) is accepted as is', async () => {
    const reason = 'Công dân đề nghị rút 📄\tdòng 1\ndòng 2';
    const id = await newDossier();
    await http()
      .post(`/api/v1/dossiers/${id}/withdraw`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason, at: '2020-09-01T03:00:00Z' })
      .expect(200);
    const history = await http()
      .get(`/api/v1/dossiers/${id}/history`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(JSON.stringify(history.body)).toContain(JSON.stringify(reason).slice(1, -1));
  });
});
