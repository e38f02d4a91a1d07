import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';
const HUE_CITY = 'tth-hcc-hue';

/** What the counter desk asks before and after a receipt: allowed actions, the due-date preview, the procedures. */
describe('counter desk API: allowed actions, due-date preview, procedures at a unit', () => {
  let subject: TestApp;
  let clerk: string;
  let supervisor: string;
  let otherClerk: string;
  let auditor: string;
  const http = () => request(subject.app.getHttpServer());
  const get = (url: string, token = clerk) => http().get(url).set('Authorization', `Bearer ${token}`);
  const post = (url: string, body: object, token = clerk) =>
    http().post(url).set('Authorization', `Bearer ${token}`).send(body);
  const receive = (body: object = {}) =>
    post('/api/v1/dossiers', {
      procedureCode: 'T-DKDN-01',
      receivingUnitId: CENTRE,
      channel: 'counter',
      receivedAt: '2020-09-01T02:00:00Z',
      ...body,
    }).expect(201);

  beforeAll(async () => {
    subject = await createTestApp();
    clerk = await subject.token('clerk', [CENTRE]);
    supervisor = await subject.token('supervisor', [CENTRE]);
    otherClerk = await subject.token('clerk', [HUE_CITY]);
    auditor = await subject.token('auditor');
  });
  afterAll(() => subject.close());

  describe('allowedActions', () => {
    it('follows the state through the lifecycle, in the answers of commands and of GET /dossiers/{id}', async () => {
      const { body: received } = await receive();
      const open = [
        'transfer',
        'requestSupplement',
        'requestFinancialObligation',
        'reschedule',
        'recordResult',
        'withdraw',
        'stop',
      ];
      expect(received.allowedActions).toEqual(open);
      expect((await get(`/api/v1/dossiers/${received.id}`).expect(200)).body.allowedActions).toEqual(open);
      expect((await get(`/api/v1/dossiers/${received.id}`, supervisor).expect(200)).body.allowedActions).toEqual([
        ...open,
        'correct',
      ]);
      const asked = await post(`/api/v1/dossiers/${received.id}/request-supplement`, {
        reason: 'Thiếu bản sao điều lệ',
        at: '2020-09-02T02:00:00Z',
      }).expect(200);
      expect(asked.body.allowedActions).toEqual(['receiveSupplement', 'withdraw', 'stop']);
      const supplied = await post(`/api/v1/dossiers/${received.id}/receive-supplement`, {
        at: '2020-09-03T02:00:00Z',
      }).expect(200);
      expect(supplied.body.allowedActions).toEqual(open);
      const resolved = await post(`/api/v1/dossiers/${received.id}/record-result`, {
        outcome: 'approved',
        at: '2020-09-04T02:00:00Z',
      }).expect(200);
      expect(resolved.body.allowedActions).toEqual(['returnResult']);
      const returned = await post(`/api/v1/dossiers/${received.id}/return-result`, {
        via: 'counter',
        at: '2020-09-04T03:00:00Z',
      }).expect(200);
      expect(returned.body.allowedActions).toEqual([]);
      expect((await get(`/api/v1/dossiers/${received.id}`, supervisor).expect(200)).body.allowedActions).toEqual([
        'correct',
      ]);
    });

    it('whom may only read gets none; another unit does not see the dossier at all', async () => {
      const { body } = await receive();
      expect((await get(`/api/v1/dossiers/${body.id}`, auditor).expect(200)).body.allowedActions).toEqual([]);
      await get(`/api/v1/dossiers/${body.id}`, otherClerk).expect(404);
    });

    it('each action listed is one the API then accepts; one not listed is refused by the domain', async () => {
      const { body } = await receive();
      expect(body.allowedActions).not.toContain('receiveSupplement');
      const refused = await post(`/api/v1/dossiers/${body.id}/receive-supplement`, {}).expect(409);
      expect(refused.body.code).toBe('NO_SUPPLEMENT_REQUESTED');
      expect(body.allowedActions).toContain('transfer');
      await post(`/api/v1/dossiers/${body.id}/transfer`, { toUnitId: HUE_CITY, at: '2020-09-01T03:00:00Z' }).expect(
        200,
      );
    });
  });

  it('GET /dossier-actions: every action with its route, Vietnamese label and body fields', async () => {
    const { body } = await get('/api/v1/dossier-actions').expect(200);
    expect(body.map((a: { key: string }) => a.key)).toEqual([
      'transfer',
      'requestSupplement',
      'receiveSupplement',
      'requestFinancialObligation',
      'fulfilFinancialObligation',
      'reschedule',
      'recordResult',
      'returnResult',
      'withdraw',
      'stop',
      'correct',
    ]);
    const supplement = body.find((a: { key: string }) => a.key === 'requestSupplement');
    expect(supplement).toMatchObject({
      method: 'POST',
      url: '/api/v1/dossiers/{id}/request-supplement',
      label: 'Yêu cầu bổ sung hồ sơ',
      commandType: 'RequestSupplement',
      allowedIn: ['in_progress'],
    });
    expect(supplement.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'reason', type: 'string', required: true, maxLength: 2000 }),
        expect.objectContaining({ name: 'documents', type: 'string[]', required: false }),
      ]),
    );
    await http().get('/api/v1/dossier-actions').expect(401);
  });

  describe('due-date preview', () => {
    it('is the due date the receipt then gives, with its Vietnamese text', async () => {
      const receivedAt = '2020-09-01T02:00:00Z';
      const preview = await get(
        `/api/v1/reference/procedures/T-DKDN-01/due-date?unitId=${CENTRE}&receivedAt=${receivedAt}`,
      ).expect(200);
      const { body: receipt } = await receive({ receivedAt });
      expect(preview.body).toEqual({
        procedureCode: 'T-DKDN-01',
        procedureName: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
        timeLimit: { unit: 'working_days', amount: 3 },
        unitId: CENTRE,
        receivedAt: '2020-09-01T02:00:00.000Z',
        dueDate: receipt.dueDate,
        dueDateText: 'Thứ Hai, ngày 07/9/2020',
      });
      expect(receipt.dueDate).toBe('2020-09-07');
    });

    it('after the cut-off counts from the next working day; a calendar-day limit; an immediate procedure', async () => {
      const late = await get(
        `/api/v1/reference/procedures/H-CT-03/due-date?unitId=${HUE_CITY}&receivedAt=2020-09-01T10:30:00Z`,
      ).expect(200);
      expect(late.body).toMatchObject({ dueDate: '2020-09-07', dueDateText: 'Thứ Hai, ngày 07/9/2020' });
      const judicial = await get(
        `/api/v1/reference/procedures/T-LLTP-01/due-date?unitId=${CENTRE}&receivedAt=2020-09-01T02:00:00Z`,
      ).expect(200);
      expect(judicial.body).toMatchObject({ timeLimit: { unit: 'calendar_days', amount: 10 }, dueDate: '2020-09-11' });
      const immediate = await get(
        `/api/v1/reference/procedures/H-CT-01/due-date?unitId=${HUE_CITY}&receivedAt=2020-09-01T02:00:00Z`,
      ).expect(200);
      expect(immediate.body).toMatchObject({ timeLimit: { unit: 'immediate' }, dueDate: null });
      expect(immediate.body.dueDateText).toMatch(/ngay/);
    });

    it('defaults to now at a unit in force today', async () => {
      const { body } = await get('/api/v1/reference/procedures/T-DKDN-01/due-date?unitId=hue-pvhcc').expect(200);
      expect(Math.abs(Date.parse(body.receivedAt) - Date.now())).toBeLessThan(60_000);
      expect(body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(body.dueDate > body.receivedAt.slice(0, 10)).toBe(true);
    });

    it('refuses as the receipt does: unknown procedure 404, not in force 400, unit 404, bad input 400', async () => {
      const at = 'receivedAt=2020-09-01T02:00:00Z';
      const unknown = await get(`/api/v1/reference/procedures/X-NONE/due-date?unitId=${CENTRE}&${at}`).expect(404);
      expect(unknown.body.code).toBe('PROCEDURE_NOT_FOUND');
      const retired = await get(
        `/api/v1/reference/procedures/T-DKDN-01/due-date?unitId=${CENTRE}&receivedAt=2014-06-02T02:00:00Z`,
      );
      expect(retired.status).toBe(404); // the centre itself was not yet in force in 2014
      const unit = await get(`/api/v1/reference/procedures/T-DKDN-01/due-date?unitId=hue-pvhcc&${at}`).expect(404);
      expect(unit.body).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unitId' });
      const missing = await get(`/api/v1/reference/procedures/T-DKDN-01/due-date?${at}`).expect(400);
      expect(missing.body.errors[0]).toMatchObject({ field: 'unitId', rule: 'isNotEmpty' });
      const future = await get(
        `/api/v1/reference/procedures/T-DKDN-01/due-date?unitId=${CENTRE}&receivedAt=2999-01-01T00:00:00Z`,
      ).expect(400);
      expect(future.body.errors[0]).toMatchObject({ field: 'receivedAt', rule: 'notInFuture' });
      const malformed = await get(
        `/api/v1/reference/procedures/T-DKDN-01/due-date?unitId=${CENTRE}&receivedAt=yesterday`,
      ).expect(400);
      expect(malformed.body.errors[0]).toMatchObject({ field: 'receivedAt', rule: 'isISO8601' });
    });
  });

  describe('GET /reference/procedures filtered', () => {
    it('at a unit on a date: those in force, the unit’s level first, each with its name and time limit', async () => {
      const { body } = await get(`/api/v1/reference/procedures?unitId=${HUE_CITY}&at=2020-09-01`).expect(200);
      expect(body).toMatchObject({ kind: 'procedures', at: '2020-09-01', unitId: HUE_CITY });
      const codes = body.records.map((p: { code: string }) => p.code);
      expect(new Set(codes).size).toBe(codes.length); // one version each
      expect(codes).toHaveLength(20);
      expect(body.records[0]).toMatchObject({
        level: 'district',
        name: expect.any(String),
        timeLimit: expect.any(Object),
      });
      expect(body.records.at(-1).level).toBe('province');
      const dkdn = body.records.find((p: { code: string }) => p.code === 'T-DKDN-01');
      expect(dkdn).toMatchObject({ validFrom: '2015-11-01', timeLimit: { unit: 'working_days', amount: 3 } });
    });

    it('on a date without a unit; everything without filters; bad filters → 400 / 404', async () => {
      const all = await get('/api/v1/reference/procedures').expect(200);
      expect(all.body.records).toHaveLength(27);
      const in2021 = await get('/api/v1/reference/procedures?at=2021-06-01').expect(200);
      expect(in2021.body.records).toHaveLength(20);
      expect(in2021.body.records.find((p: { code: string }) => p.code === 'T-DKDN-01').validFrom).toBe('2021-01-04');
      const badDate = await get('/api/v1/reference/procedures?at=01/09/2020').expect(400);
      expect(badDate.body.errors[0]).toMatchObject({ field: 'at', rule: 'matches' });
      await get(`/api/v1/reference/procedures?unitId=hue-pvhcc&at=2020-09-01`).expect(404);
      const unitsByUnit = await get(`/api/v1/reference/units?unitId=${CENTRE}`).expect(400);
      expect(unitsByUnit.body.errors[0]).toMatchObject({ field: 'unitId', rule: 'proceduresOnly' });
      const units2025 = await get('/api/v1/reference/units?at=2025-06-01').expect(200);
      expect(units2025.body.records.map((u: { id: string }) => u.id).sort()).toEqual(['hue', 'hue-pvhcc']);
    });
  });
});
