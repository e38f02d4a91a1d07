import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const NEW_PROCEDURE = {
  name: 'Cấp giấy phép thử nghiệm (thủ tục mới)',
  level: 'province',
  field: 'Thử nghiệm',
  timeLimit: { unit: 'working_days', amount: 4 },
  oneStop: true,
  interconnected: false,
  onlineLevel: 'partial',
  validFrom: '2020-01-01',
  validTo: null,
};

/** PUT /reference/{kind}/{key}: one entry at a time, checked and recorded as a whole set is. */
describe('reference data: per-entry changes', () => {
  let subject: TestApp;
  let admin: string;
  const http = () => request(subject.app.getHttpServer());
  const put = (url: string, body: unknown, token = admin) =>
    http()
      .put(`/api/v1/reference/${url}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);
  const current = async (kind: string) =>
    (await http().get(`/api/v1/reference/${kind}`).set('Authorization', `Bearer ${admin}`).expect(200)).body as {
      version: number;
      records: Record<string, unknown>[];
    };
  const preview = (code: string, unitId: string, receivedAt?: string) =>
    http()
      .get(`/api/v1/reference/procedures/${code}/due-date`)
      .query({ unitId, ...(receivedAt ? { receivedAt } : {}) })
      .set('Authorization', `Bearer ${admin}`);
  const lastEvent = async (kind: string) =>
    (
      await subject.database.pool.query<{ data: Record<string, unknown>; metadata: Record<string, unknown> }>(
        `SELECT data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1`,
        [`reference-${kind}`],
      )
    ).rows[0];

  beforeAll(async () => {
    subject = await createTestApp();
    admin = await subject.token('admin');
  });
  afterAll(() => subject.close());

  it('adds one procedure: a new version of the set naming the entry; a receipt can use it at once', async () => {
    const before = await current('procedures');
    const res = await put('procedures/T-THU-01', NEW_PROCEDURE).expect(200);
    expect(res.body).toMatchObject({
      kind: 'procedures',
      key: 'T-THU-01',
      change: 'added',
      version: before.version + 1,
      record: { code: 'T-THU-01', timeLimit: { unit: 'working_days', amount: 4 } },
    });
    const after = await current('procedures');
    expect(after.records).toHaveLength(before.records.length + 1);
    const event = await lastEvent('procedures');
    expect(event?.data).toMatchObject({
      kind: 'procedures',
      source: 'PUT /api/v1/reference/procedures/T-THU-01',
      entry: { key: 'T-THU-01', validFrom: '2020-01-01', change: 'added' },
    });
    expect((event?.data.records as unknown[]).length).toBe(before.records.length + 1);
    expect(event?.metadata).toMatchObject({ role: 'admin', actor: expect.any(String) });
    const due = await preview('T-THU-01', 'tth-pvhcc', '2020-09-01T02:00:00Z').expect(200);
    expect(due.body).toMatchObject({ dueDate: '2020-09-08', procedureName: NEW_PROCEDURE.name });
    const clerk = await subject.token('clerk', ['tth-pvhcc']);
    const receipt = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({
        procedureCode: 'T-THU-01',
        receivingUnitId: 'tth-pvhcc',
        channel: 'counter',
        receivedAt: '2020-09-01T02:00:00Z',
      })
      .expect(201);
    expect(receipt.body.dueDate).toBe(due.body.dueDate);
  });

  it('the same entry again records nothing; a change of it is a new version', async () => {
    const before = await current('procedures');
    const same = await put('procedures/T-THU-01', { ...NEW_PROCEDURE, code: 'T-THU-01' }).expect(200);
    expect(same.body).toMatchObject({ change: 'unchanged', version: before.version });
    const changed = await put('procedures/T-THU-01', {
      ...NEW_PROCEDURE,
      timeLimit: { unit: 'working_days', amount: 6 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ change: 'changed', version: before.version + 1 });
    expect((await current('procedures')).records).toHaveLength(before.records.length);
  });

  it('a procedure not yet in force: the preview answers 400 PROCEDURE_NOT_IN_FORCE', async () => {
    await put('procedures/T-SAU-01', { ...NEW_PROCEDURE, validFrom: '2099-01-01' }).expect(200);
    const res = await preview('T-SAU-01', 'hue-pvhcc').expect(400);
    expect(res.body).toMatchObject({
      code: 'PROCEDURE_NOT_IN_FORCE',
      errors: [expect.objectContaining({ field: 'receivedAt', rule: 'procedureInForce' })],
    });
  });

  it('changes one unit (its version from the same validFrom), then ends it: never deleted', async () => {
    const before = await current('units');
    const unit = before.records.find((u) => u.id === 'tth-hcc-a-luoi') as Record<string, unknown>;
    const renamed = await put('units/tth-hcc-a-luoi', {
      ...unit,
      name: 'Trung tâm Hành chính công huyện A Lưới (mới)',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ kind: 'units', change: 'changed', version: before.version + 1 });
    let after = await current('units');
    expect(after.records).toHaveLength(before.records.length);
    expect(after.records.find((u) => u.id === 'tth-hcc-a-luoi')?.name).toBe(
      'Trung tâm Hành chính công huyện A Lưới (mới)',
    );
    await preview('T-DKDN-01', 'tth-hcc-a-luoi', '2024-08-01T02:00:00Z').expect(200);
    const { id: _id, ...withoutId } = unit;
    await put('units/tth-hcc-a-luoi', { ...withoutId, validTo: '2024-07-01' }).expect(200);
    after = await current('units');
    expect(after.records).toHaveLength(before.records.length);
    expect(after.records.find((u) => u.id === 'tth-hcc-a-luoi')?.validTo).toBe('2024-07-01');
    const ended = await preview('T-DKDN-01', 'tth-hcc-a-luoi', '2024-08-01T02:00:00Z').expect(404);
    expect(ended.body.code).toBe('UNIT_NOT_FOUND');
    expect((await lastEvent('units'))?.data.entry).toEqual({
      key: 'tth-hcc-a-luoi',
      validFrom: '2019-01-01',
      change: 'changed',
    });
  });

  it('adds a unit under a parent in force', async () => {
    const res = await put('units/hue-phu-xuan', {
      code: '000.21.01.H57',
      name: 'Bộ phận một cửa phường Phú Xuân',
      level: 'commune',
      parentId: 'hue',
      validFrom: '2025-07-01',
      validTo: null,
    }).expect(200);
    expect(res.body.change).toBe('added');
    await preview('T-DKDN-01', 'hue-phu-xuan').expect(200);
  });

  it('replaces one calendar year: due dates read the new one', async () => {
    const before = await current('calendar');
    const year2020 = before.records.find((y) => y.year === 2020) as { daysOff: { date: string }[] };
    const was = await preview('T-DKDN-01', 'tth-pvhcc', '2020-09-01T02:00:00Z').expect(200);
    expect(was.body.dueDate).toBe('2020-09-07');
    const res = await put('calendar/2020', {
      ...year2020,
      daysOff: [...year2020.daysOff, { date: '2020-09-03', name: 'Ngày nghỉ thử nghiệm' }],
    }).expect(200);
    expect(res.body).toMatchObject({ kind: 'calendar', key: '2020', change: 'changed', version: before.version + 1 });
    const now = await preview('T-DKDN-01', 'tth-pvhcc', '2020-09-01T02:00:00Z').expect(200);
    expect(now.body).toMatchObject({ dueDate: '2020-09-08', dueDateText: 'Thứ Ba, ngày 08/9/2020' });
    expect((await current('calendar')).records).toHaveLength(before.records.length);
    const added = await put('calendar/2027', {
      notice: 'Thông báo lịch nghỉ 2027 (thử nghiệm)',
      daysOff: [{ date: '2027-01-01', name: 'Tết Dương lịch' }],
    }).expect(200);
    expect(added.body).toMatchObject({ change: 'added', record: { year: 2027 } });
  });

  it.each([
    [
      'procedures/T-THU-02',
      { ...NEW_PROCEDURE, timeLimit: { unit: 'working_days', amount: 0 } },
      'timeLimit.amount',
      'referenceData',
    ],
    ['procedures/T-THU-02', { ...NEW_PROCEDURE, validTo: '2019-01-01' }, 'validTo', 'referenceData'],
    ['procedures/T-THU-02', { ...NEW_PROCEDURE, name: '' }, 'name', 'referenceData'],
    ['procedures/T-THU-02', { ...NEW_PROCEDURE, code: 'T-KHAC-01' }, 'code', 'matchesPath'],
    ['procedures/T-DKDN-01', { ...NEW_PROCEDURE, validFrom: '2021-06-01' }, 'validFrom', 'noOverlappingVersions'],
    ['procedures/T-THU-02', [NEW_PROCEDURE], 'body', 'isObject'],
    [
      'units/hue-x',
      { code: '000.99.01.H57', name: 'X', level: 'commune', parentId: 'khong-co', validFrom: '2025-07-01' },
      'parentId',
      'knownParent',
    ],
    [
      'units/hue-x',
      { code: 'mã sai!', name: 'X', level: 'commune', parentId: 'hue', validFrom: '2025-07-01' },
      'code',
      'referenceData',
    ],
    ['calendar/2028', { notice: 'n', daysOff: [{ date: '2027-05-01', name: 'x' }] }, 'daysOff[0].date', 'calendarYear'],
    ['calendar/2028', { notice: 'n', daysOff: [], typo: 1 }, 'typo', 'calendarYear'],
    ['calendar/20x8', { notice: 'n', daysOff: [] }, 'year', 'isYear'],
  ])('PUT %s, bad entry %#: 400 naming the field and the rule', async (url, body, field, rule) => {
    const kind = url.split('/')[0] as string;
    const before = await current(kind);
    const res = await put(url, body).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'INVALID_REFERENCE_DATA',
      errors: [expect.objectContaining({ field, rule, message: expect.any(String) })],
    });
    expect((await current(kind)).version).toBe(before.version);
  });

  it('administrators only', async () => {
    const clerk = await subject.token('clerk', ['tth-pvhcc']);
    await put('procedures/T-THU-03', NEW_PROCEDURE, clerk).expect(403);
    await put('calendar/2027', {}, clerk).expect(403);
    await http().put('/api/v1/reference/units/x').send({}).expect(401);
  });
});
