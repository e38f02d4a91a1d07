import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';

describe('intake: every error class answers with its status and a clear message', () => {
  let subject: TestApp;
  let clerk: string;
  let dossierId: string;
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    subject = await createTestApp();
    clerk = await subject.token('clerk', [CENTRE]);
    const created = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({
        procedureCode: 'T-DKDN-01',
        receivingUnitId: CENTRE,
        channel: 'online',
        receivedAt: '2020-09-01T02:00:00Z',
      })
      .expect(201);
    dossierId = created.body.id;
  });
  afterAll(() => subject.close());

  const expectNoLeak = (body: Record<string, unknown>) => {
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/i);
    expect(body).toEqual(
      expect.objectContaining({
        statusCode: expect.any(Number),
        code: expect.any(String),
        message: expect.any(String),
      }),
    );
  };

  it('400: names each bad field and the rule', async () => {
    const response = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({ procedureCode: '', receivingUnitId: CENTRE, channel: 'fax', receivedAt: 'yesterday', extra: 1 })
      .expect(400);
    expectNoLeak(response.body);
    const fields = response.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'procedureCode:isNotEmpty',
        'channel:isIn',
        'receivedAt:isIso8601',
        'extra:unknown_field',
      ]),
    );
  });

  it('400: a future business time, a malformed id, malformed JSON, a bad If-Match', async () => {
    const future = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({
        procedureCode: 'T-DKDN-01',
        receivingUnitId: CENTRE,
        channel: 'counter',
        receivedAt: '2999-01-01T00:00:00Z',
      })
      .expect(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'receivedAt', rule: 'notInFuture' });
    await http().get('/api/v1/dossiers/not-a-uuid').set('Authorization', `Bearer ${clerk}`).expect(400);
    const malformed = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .set('Content-Type', 'application/json')
      .send('{"procedureCode":')
      .expect(400);
    expect(malformed.body.code).toBe('MALFORMED_BODY');
    await http()
      .post(`/api/v1/dossiers/${dossierId}/withdraw`)
      .set('Authorization', `Bearer ${clerk}`)
      .set('If-Match', 'abc')
      .send({ reason: 'x' })
      .expect(400);
  });

  it('404: unknown dossier, procedure, unit', async () => {
    const unknownDossier = await http()
      .post('/api/v1/dossiers/00000000-0000-4000-8000-000000000000/withdraw')
      .set('Authorization', `Bearer ${clerk}`)
      .send({ reason: 'x' })
      .expect(404);
    expect(unknownDossier.body.code).toBe('DOSSIER_NOT_FOUND');
    const unknownProcedure = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({ procedureCode: 'NOPE', receivingUnitId: CENTRE, channel: 'counter', receivedAt: '2020-09-01T02:00:00Z' })
      .expect(404);
    expect(unknownProcedure.body).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', field: 'procedureCode' });
    const unknownUnit = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({ procedureCode: 'T-DKDN-01', receivingUnitId: 'nowhere', channel: 'counter' })
      .expect(404);
    expect(unknownUnit.body).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'receivingUnitId' });
    await http()
      .get('/api/v1/dossiers')
      .query({ code: '000.00.01.H57-200101-0001' })
      .set('Authorization', `Bearer ${clerk}`)
      .expect(404);
  });

  it('409: an illegal transition, with the domain code and a sentence for the clerk; nothing appended', async () => {
    const early = await http()
      .post(`/api/v1/dossiers/${dossierId}/return-result`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ via: 'counter', at: '2020-09-02T02:00:00Z' })
      .expect(409);
    expectNoLeak(early.body);
    expect(early.body.code).toMatch(/[A-Z_]+/);
    expect(early.body.message.length).toBeGreaterThan(10);
    await http()
      .post(`/api/v1/dossiers/${dossierId}/reschedule`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ newAppointmentDate: '2020-09-10', reason: 'xin lỗi', at: '2020-09-02T02:00:00Z' })
      .expect(200);
    const second = await http()
      .post(`/api/v1/dossiers/${dossierId}/reschedule`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ newAppointmentDate: '2020-09-11', reason: 'lần hai', at: '2020-09-02T03:00:00Z' })
      .expect(409);
    expect(second.body.code).toBe('DUE_DATE_ALREADY_RESCHEDULED');
    const history = await http()
      .get(`/api/v1/dossiers/${dossierId}/history`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(history.body.events).toHaveLength(2);
  });

  it('412: If-Match with a stale version', async () => {
    const current = await http()
      .get(`/api/v1/dossiers/${dossierId}`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(current.headers.etag).toBe(`"${current.body.version}"`);
    const stale = await http()
      .post(`/api/v1/dossiers/${dossierId}/request-supplement`)
      .set('Authorization', `Bearer ${clerk}`)
      .set('If-Match', '1')
      .send({ reason: 'thiếu giấy tờ', at: '2020-09-02T04:00:00Z' })
      .expect(412);
    expect(stale.body).toMatchObject({
      code: 'VERSION_MISMATCH',
      expectedVersion: 1,
      actualVersion: current.body.version,
    });
    await http()
      .post(`/api/v1/dossiers/${dossierId}/request-supplement`)
      .set('Authorization', `Bearer ${clerk}`)
      .set('If-Match', String(current.body.version))
      .send({ reason: 'thiếu giấy tờ', at: '2020-09-02T04:00:00Z' })
      .expect(200);
  });

  it('401 without or with a bad token; 403 for a unit that is not yours or a role that may not', async () => {
    await http().get(`/api/v1/dossiers/${dossierId}`).expect(401);
    await http().get(`/api/v1/dossiers/${dossierId}`).set('Authorization', 'Bearer x.y.z').expect(401);
    const other = await subject.token('clerk', ['tth-hcc-hue']);
    const forbidden = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${other}`)
      .send({
        procedureCode: 'T-DKDN-01',
        receivingUnitId: CENTRE,
        channel: 'counter',
        receivedAt: '2020-09-01T02:00:00Z',
      })
      .expect(403);
    expect(forbidden.body.code).toBe('UNIT_NOT_ALLOWED');
    const auditor = await subject.token('auditor');
    const denied = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${auditor}`)
      .send({
        procedureCode: 'T-DKDN-01',
        receivingUnitId: CENTRE,
        channel: 'counter',
        receivedAt: '2020-09-01T02:00:00Z',
      })
      .expect(403);
    expect(denied.body.code).toBe('ROLE_NOT_ALLOWED');
    await http().get(`/api/v1/dossiers/${dossierId}`).set('Authorization', `Bearer ${auditor}`).expect(200);
  });
});
