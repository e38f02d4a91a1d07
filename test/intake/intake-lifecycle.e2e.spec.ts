import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';
const HUE_CITY = 'tth-hcc-hue';

describe('intake: a dossier through each path of its lifecycle', () => {
  let subject: TestApp;
  let clerk: string;
  let supervisor: string;
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    subject = await createTestApp();
    clerk = await subject.token('clerk', [CENTRE, HUE_CITY], 'clerk-lan');
    supervisor = await subject.token('supervisor', [CENTRE], 'supervisor-minh');
  });
  afterAll(() => subject.close());

  const receive = async (receivedAt = '2020-09-01T02:00:00Z', procedureCode = 'T-DKDN-01', channel = 'counter') => {
    const response = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({ procedureCode, receivingUnitId: CENTRE, channel, receivedAt, applicantReference: 'CCCD 046090001234' })
      .expect(201);
    return response.body as { id: string; code: string; dueDate: string; version: number; status: string };
  };
  const act = (id: string, action: string, body: object, token = clerk) =>
    http().post(`/api/v1/dossiers/${id}/${action}`).set('Authorization', `Bearer ${token}`).send(body);

  it('receives a dossier: code, due date over the 2/9/2020 holiday, location', async () => {
    const dossier = await receive();
    expect(dossier.code).toMatch(/^000\.00\.01\.H57-200901-\d{4}$/);
    expect(dossier.dueDate).toBe('2020-09-07'); // Tue 1/9 09:00 + 3 working days; Wed 2/9 is National Day
    expect(dossier).toMatchObject({ status: 'in_progress', version: 1, channel: 'counter', receivingUnitId: CENTRE });
  });

  it('walks transfer → supplement → fees → reschedule → result → return, and keeps the whole history', async () => {
    const { id, code } = await receive();
    await act(id, 'transfer', { toUnitId: HUE_CITY, reason: 'liên thông', at: '2020-09-01T03:00:00Z' }).expect(200);
    await act(id, 'request-supplement', {
      reason: 'Thiếu bản sao điều lệ',
      documents: ['Điều lệ'],
      at: '2020-09-01T04:00:00Z',
    }).expect(200);
    const supplied = await act(id, 'receive-supplement', { at: '2020-09-03T02:00:00Z' }).expect(200);
    expect(supplied.body.status).toBe('in_progress');
    await act(id, 'request-financial-obligation', {
      amount: 100000,
      description: 'Lệ phí',
      at: '2020-09-03T03:00:00Z',
    }).expect(200);
    await act(id, 'fulfil-financial-obligation', { at: '2020-09-03T04:00:00Z' }).expect(200);
    const due = supplied.body.dueDate as string;
    await act(id, 'reschedule', {
      newAppointmentDate: '2020-09-15',
      reason: 'Thư xin lỗi',
      at: '2020-09-04T02:00:00Z',
    }).expect(200);
    const resolved = await act(id, 'record-result', { outcome: 'approved', at: '2020-09-08T02:00:00Z' }).expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      outcome: 'approved',
      dueDate: due,
      appointmentDate: '2020-09-15',
    });
    const returned = await act(id, 'return-result', { via: 'postal', at: '2020-09-09T02:00:00Z' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', version: 9 });

    const byCode = await http()
      .get('/api/v1/dossiers')
      .query({ code })
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(byCode.body.id).toBe(id);
    const history = await http()
      .get(`/api/v1/dossiers/${id}/history`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'DossierReceived',
      'DossierTransferred',
      'SupplementRequested',
      'SupplementReceived',
      'FinancialObligationRequested',
      'FinancialObligationFulfilled',
      'DueDateRescheduled',
      'ResultRecorded',
      'ResultReturned',
    ]);
    for (const event of history.body.events) {
      expect(event.actor).toBe('clerk-lan');
      expect(Date.parse(event.recordedAt)).toBeGreaterThan(Date.parse(event.occurredAt)); // recorded now, happened in 2020
      expect(event.metadata.correlationId).toEqual(expect.any(String));
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(history.body.events[0].occurredAt).toBe('2020-09-01T02:00:00.000Z');
  });

  it('withdraws, stops, refuses after appraisal, corrects, and refuses at receipt', async () => {
    const withdrawn = await receive();
    expect(
      (await act(withdrawn.id, 'withdraw', { reason: 'Công dân rút hồ sơ', at: '2020-09-02T02:00:00Z' }).expect(200))
        .body.status,
    ).toBe('withdrawn');
    const stopped = await receive();
    expect(
      (await act(stopped.id, 'stop', { reason: 'Dừng xử lý', at: '2020-09-02T02:00:00Z' }).expect(200)).body.status,
    ).toBe('stopped');
    const refused = await receive();
    const result = await act(refused.id, 'record-result', {
      outcome: 'refused',
      reason: 'Không đủ điều kiện',
      at: '2020-09-03T02:00:00Z',
    }).expect(200);
    expect(result.body).toMatchObject({ status: 'resolved', outcome: 'refused' });

    const corrected = await receive('2020-09-01T02:00:00Z');
    const fixed = await act(
      corrected.id,
      'correct',
      {
        changes: { receivedAt: '2020-09-03T02:00:00Z', channel: 'online' },
        reason: 'Nhập sai ngày',
        correctsPosition: 1,
      },
      supervisor,
    ).expect(200);
    expect(fixed.body).toMatchObject({
      receivedAt: '2020-09-03T02:00:00.000Z',
      channel: 'online',
      dueDate: '2020-09-08',
    });

    const refusal = await http()
      .post('/api/v1/receipt-refusals')
      .set('Authorization', `Bearer ${clerk}`)
      .send({
        procedureCode: 'T-DKDN-01',
        receivingUnitId: CENTRE,
        channel: 'counter',
        reason: 'Không thuộc thẩm quyền',
        refusedAt: '2020-09-01T02:00:00Z',
      })
      .expect(201);
    expect(refusal.body).toMatchObject({ reason: 'Không thuộc thẩm quyền', receivingUnitId: CENTRE });
  });

  it('repeats a request with the same Idempotency-Key: the first answer, nothing appended', async () => {
    const send = () =>
      http()
        .post('/api/v1/dossiers')
        .set('Authorization', `Bearer ${clerk}`)
        .set('Idempotency-Key', 'counter-3-press-1')
        .send({
          procedureCode: 'H-HKD-01',
          receivingUnitId: HUE_CITY,
          channel: 'counter',
          receivedAt: '2020-09-01T02:00:00Z',
        });
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const history = await http()
      .get(`/api/v1/dossiers/${first.body.id}/history`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(history.body.events).toHaveLength(1);
    // The repeat took the next number (a gap, never a reuse); that code names no dossier.
    const taken = String(first.body.code).replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
    const byTaken = await http()
      .get('/api/v1/dossiers')
      .query({ code: taken })
      .set('Authorization', `Bearer ${clerk}`)
      .expect(404);
    expect(byTaken.body.message).toContain(taken);
    const byCode = await http()
      .get('/api/v1/dossiers')
      .query({ code: first.body.code })
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(byCode.body.id).toBe(first.body.id);

    const changed = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .set('Idempotency-Key', 'counter-3-press-1')
      .send({
        procedureCode: 'H-HKD-02',
        receivingUnitId: HUE_CITY,
        channel: 'counter',
        receivedAt: '2020-09-01T02:00:00Z',
      })
      .expect(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // the same for a lifecycle command: a repeat returns the first answer; another body with the key is refused
    const withdraw = (reason: string) =>
      http()
        .post(`/api/v1/dossiers/${first.body.id}/withdraw`)
        .set('Authorization', `Bearer ${clerk}`)
        .set('Idempotency-Key', 'withdraw-1')
        .send({ reason, at: '2020-09-02T02:00:00Z' });
    const withdrawn = await withdraw('Công dân rút hồ sơ').expect(200);
    const repeated = await withdraw('Công dân rút hồ sơ').expect(200);
    expect(repeated.body).toEqual(withdrawn.body);
    expect(repeated.headers['idempotent-replayed']).toBe('true');
    expect((await withdraw('Lý do khác').expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const after = await http()
      .get(`/api/v1/dossiers/${first.body.id}/history`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(after.body.events.map((e: { type: string }) => e.type)).toEqual(['DossierReceived', 'DossierWithdrawn']);
  });
});
