import request from 'supertest';
import { type DossierRecord, computeFigures, dossierRecordFrom } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { appendHistories } from '@app/read-models/testing';
import { generateWorkload } from '@app/read-models/testing';
import { ProjectorService } from '@app/projector';
import { type TestApp, createTestApp } from '../../../test/support/test-app';

const PERIOD = 'from=2020-06-10&to=2020-09-04';
const URL = '/api/v1/reports/dossier-figures';

describe('GET /api/v1/reports/dossier-figures (standalone app)', () => {
  let t: TestApp;
  let records: DossierRecord[];
  let admin: string;
  let appendedAt: Date;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('admin');
    const histories = [...generateWorkload({ seed: 3, dossiers: 1500, from: '2020-05-01', days: 150 })];
    records = histories.map((h) => dossierRecordFrom(h.events)).filter((r): r is DossierRecord => r !== null);
    const store = t.app.get<EventStore>(EVENT_STORE);
    await appendHistories(store, histories);
    appendedAt = new Date();
    await t.app.get(ProjectorService).projector.caughtUp();
  });
  afterAll(async () => t.close());

  const get = (query: string, token = admin) =>
    request(t.app.getHttpServer()).get(`${URL}?${query}`).set('Authorization', `Bearer ${token}`);

  it('gives the domain figures per level from the read models, and the same by replay', async () => {
    const res = await get(`${PERIOD}&level=province,district`).expect(200);
    expect(res.body).toMatchObject({
      period: { from: '2020-06-10', to: '2020-09-04' },
      groupBy: 'level',
      source: 'read-model',
      asKnownAt: null,
    });
    const district = records.filter((r) => r.receivingUnitId.startsWith('tth-hcc-'));
    const expected = computeFigures(district, { from: '2020-06-10', to: '2020-09-04' });
    expect(res.body.groups[1]).toMatchObject({
      key: 'district',
      subject: 'các Trung tâm Hành chính công cấp huyện',
      figures: expected,
    });
    expect(res.body.groups[0].subject).toBe('Trung tâm Phục vụ hành chính công tỉnh');
    expect(res.body.total.reconciliation.difference).toBe(0);
    const replay = await get(`${PERIOD}&level=province,district&source=replay`).expect(200);
    expect(replay.body.source).toBe('replay');
    expect(replay.body.groups).toEqual(res.body.groups);
    expect(replay.body.total).toEqual(res.body.total);
  });

  it('renders the Vietnamese paragraphs and the Biểu 06 CSV', async () => {
    const text = await get(`${PERIOD}&level=province,district&format=text`).expect(200);
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.text).toMatch(
      /^Từ ngày 10\/6\/2020 đến ngày 04\/9\/2020, tại Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận [\d.]+ hồ sơ; đã giải quyết/,
    );
    expect(text.text).toContain(' Tại các Trung tâm Hành chính công cấp huyện đã tiếp nhận ');
    expect(text.text).toContain(
      'Về tiếp nhận hồ sơ TTHC qua dịch vụ bưu chính công ích, từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm',
    );
    const csv = await get(`${PERIOD}&unit=tth-pvhcc,tth-hcc-hue&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.charAt(0)).toBe('\uFEFF'); // the UTF-8 BOM spreadsheets need (bytes: downloads.int.spec.ts)
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^STT,Đơn vị \/ Lĩnh vực,Số hồ sơ nhận giải quyết - Tổng số,/);
  });

  it('computes "as known at" by replay and says so', async () => {
    const before = await get(`${PERIOD}&unit=tth-pvhcc&asKnownAt=2020-01-01T00:00:00Z`).expect(200);
    expect(before.body).toMatchObject({
      source: 'replay',
      requestedSource: 'read-model',
      asKnownAt: '2020-01-01T00:00:00.000Z',
      eventsReplayed: 0,
    });
    expect(before.body.total.received.total).toBe(0);
    const now = await get(`${PERIOD}&unit=tth-pvhcc&asKnownAt=${encodeURIComponent(appendedAt.toISOString())}`).expect(
      200,
    );
    const current = await get(`${PERIOD}&unit=tth-pvhcc`).expect(200);
    expect(now.body.total).toEqual(current.body.total);
  });

  it('groups by procedure, the lines adding up to the unit', async () => {
    const byProcedure = await get(`${PERIOD}&unit=tth-hcc-hue&groupBy=procedure`).expect(200);
    const byUnit = await get(`${PERIOD}&unit=tth-hcc-hue`).expect(200);
    expect(byProcedure.body.groups.length).toBeGreaterThan(1);
    expect(byProcedure.body.total).toEqual(byUnit.body.total);
    const replay = await get(`${PERIOD}&unit=tth-hcc-hue&groupBy=procedure&source=replay`).expect(200);
    expect(replay.body.groups).toEqual(byProcedure.body.groups);
  });

  it.each([
    ['from=2020-09-04&to=2020-06-10&level=province', 'to'],
    ['from=2020-06-10&to=2020-09-31&level=province', 'to'],
    [`${PERIOD}&unit=nowhere`, 'unit'],
    [`${PERIOD}&level=galaxy`, 'level'],
    [`${PERIOD}&level=province&groupBy=month`, 'groupBy'],
    [`${PERIOD}&level=province&format=pdf`, 'format'],
    [`${PERIOD}&level=province&colour=red`, 'colour'],
  ])('answers 400 naming the parameter: %s', async (query, field) => {
    const res = await get(query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors[0].field).toBe(field);
    expect(res.body.message.length).toBeGreaterThan(10);
  });

  it('lets clerks, supervisors and directors read only their units; auditors every unit', async () => {
    for (const role of ['clerk', 'supervisor', 'director'] as const) {
      const ofHue = await t.token(role, ['tth-hcc-hue']);
      await get(`${PERIOD}&unit=tth-hcc-hue`, ofHue).expect(200);
      const refused = await get(`${PERIOD}&level=district`, ofHue).expect(403);
      expect(refused.body.code).toBe('UNIT_NOT_ALLOWED');
      const otherUnit = await get(`${PERIOD}&unit=tth-pvhcc`, ofHue).expect(403);
      expect(otherUnit.body.code).toBe('UNIT_NOT_ALLOWED');
    }
    await get(`${PERIOD}&unit=tth-hcc-hue`, await t.token('auditor')).expect(200);
    await get(`${PERIOD}&level=district`, await t.token('auditor')).expect(200);
    await request(t.app.getHttpServer()).get(`${URL}?${PERIOD}&unit=tth-hcc-hue`).expect(401);
  });

  it('shows the projector in /health', async () => {
    const auditor = await t.token('auditor');
    await t.app.get(ProjectorService).projector.caughtUp(); // past the events of the accounts registered since
    const res = await request(t.app.getHttpServer())
      .get('/health')
      .set('Authorization', `Bearer ${auditor}`)
      .expect(200);
    expect(res.body.details.projector).toMatchObject({ state: 'running', lag: { pendingEvents: 0 } });
    expect(res.body.details.projector.eventsProjected).toBeGreaterThan(0);
  });
});
