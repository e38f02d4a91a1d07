import request from 'supertest';
import { type LocalDate, addDays, defaultWorkingCalendar, instantAt, localDateOf } from '@app/domain';
import { ProjectorService } from '@app/projector';
import { APPLICANTS } from '../../../../test/support/personal-data';
import { type TestApp, createTestApp } from '../../../../test/support/test-app';

const URL = '/api/v1/work-queue';
const UNIT = 'hue-pvhcc';
const OTHER_UNIT = 'tth-hcc-hue'; // in the registry until 2025: its dossiers are back-office entries of 2024
const calendar = defaultWorkingCalendar();

interface Received {
  id: string;
  code: string;
  dueDate: string | null;
}

/**
 * The unit's work queue through the standalone app: dossiers received, moved and resolved through the intake's HTTP
 * API (back-dated receipts, so that due dates fall before, on and after today), projected by the live projector,
 * listed, counted, filtered, paged and searched; the applicants' index finds and names them.
 */
describe('GET /api/v1/work-queue (standalone app)', () => {
  let t: TestApp;
  let admin: string;
  let lan: string;
  let binh: string;
  const today = localDateOf(new Date());
  const todayWorks = calendar.isWorkingDay(today);
  const d: Record<string, Received> = {};

  /** The working day `n` working days before `date` (n > 0). */
  function workingDaysBefore(date: LocalDate, n: number): LocalDate {
    let day = date;
    while (calendar.workingDaysBetween(day, date) < n || !calendar.isWorkingDay(day)) day = addDays(day, -1);
    return day;
  }

  /** A receipt at 09:00 local of the working day that makes a 3-working-day procedure due on `due`. */
  const receivedForDue = (due: LocalDate) => instantAt(workingDaysBefore(due, 3), '09:00');

  async function receive(token: string, body: Record<string, unknown>): Promise<Received> {
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${token}`)
      .send({ procedureCode: 'T-DKDN-01', receivingUnitId: UNIT, channel: 'counter', ...body })
      .expect(201);
    return { id: res.body.id, code: res.body.code, dueDate: res.body.dueDate };
  }

  async function command(token: string, id: string, action: string, body: Record<string, unknown>): Promise<void> {
    await request(t.app.getHttpServer())
      .post(`/api/v1/dossiers/${id}/${action}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body)
      .expect(200);
  }

  const get = (query: string, token = lan) =>
    request(t.app.getHttpServer()).get(`${URL}?${query}`).set('Authorization', `Bearer ${token}`);
  const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('admin');
    lan = await t.token('clerk', [UNIT], 'lan.queue');
    binh = await t.token('clerk', [UNIT], 'binh.queue');
    const overdueDue = workingDaysBefore(today, 2);
    d.overdue = await receive(lan, { receivedAt: receivedForDue(overdueDue), applicant: APPLICANTS.yen });
    if (todayWorks) d.today = await receive(binh, { receivedAt: receivedForDue(today), channel: 'online' });
    d.soon = await receive(lan, { receivedAt: receivedForDue(calendar.nextWorkingDay(today)), channel: 'postal' });
    d.later = await receive(lan, { procedureCode: 'T-GPLX-01', applicant: APPLICANTS.thinh });
    d.supplement = await receive(lan, {});
    await command(lan, d.supplement.id, 'request-supplement', { reason: 'Thiếu bản sao giấy tờ' });
    d.fees = await receive(binh, {});
    await command(binh, d.fees.id, 'request-financial-obligation', { description: 'Lệ phí' });
    // received here, decided by the province: its result is handed back here, not processed here
    d.result = await receive(lan, {});
    await command(admin, d.result.id, 'transfer', { toUnitId: 'hue' });
    await command(admin, d.result.id, 'record-result', { outcome: 'approved' });
    d.elsewhere = await receive(admin, { receivingUnitId: OTHER_UNIT, receivedAt: instantAt('2024-06-03', '09:00') });
    await t.app.get(ProjectorService).projector.caughtUp();
  });
  afterAll(async () => t.close());

  it('was given the due dates it needs (the fixture)', () => {
    expect(d.overdue!.dueDate! < today).toBe(true);
    if (d.today) expect(d.today.dueDate).toBe(today);
    expect(d.soon!.dueDate).toBe(calendar.nextWorkingDay(today));
    expect(d.later!.dueDate! > calendar.addWorkingDays(today, 2)).toBe(true);
  });

  it('lists the open dossiers at the unit by due date, with every tab counted', async () => {
    const res = await get(`unitId=${UNIT}`).expect(200);
    const open = [d.overdue, d.today, d.soon, d.later].filter((x): x is Received => x !== undefined);
    expect(res.body).toMatchObject({
      unitId: UNIT,
      tab: 'in_progress',
      today,
      counts: {
        in_progress: open.length,
        due_today: d.today ? 1 : 0,
        due_soon: 1,
        overdue: 1,
        awaiting_supplement: 1,
        awaiting_financial_obligation: 1,
        ready_to_return: 1,
      },
      nextCursor: null,
    });
    expect(codes(res.body)).toEqual(open.map((x) => x.code));
    const first = res.body.items[0];
    expect(first).toEqual({
      id: d.overdue!.id,
      code: d.overdue!.code,
      status: 'in_progress',
      procedureCode: 'T-DKDN-01',
      channel: 'counter',
      receivingUnitId: UNIT,
      currentUnitId: UNIT,
      receivedAt: receivedForDue(d.overdue!.dueDate!),
      receivedBy: 'lan.queue',
      dueDate: d.overdue!.dueDate,
      appointmentDate: null,
      workingDaysLeft: -2,
      applicantName: APPLICANTS.yen.fullName,
    });
    const soon = res.body.items.find((i: { id: string }) => i.id === d.soon!.id);
    expect(soon).toMatchObject({ workingDaysLeft: 1, applicantName: null, channel: 'postal' });
  });

  it('gives each tab its dossiers', async () => {
    const tab = async (name: string) => codes((await get(`unitId=${UNIT}&tab=${name}`).expect(200)).body);
    expect(await tab('overdue')).toEqual([d.overdue!.code]);
    expect(await tab('due_today')).toEqual(d.today ? [d.today.code] : []);
    expect(await tab('due_soon')).toEqual([d.soon!.code]);
    expect(await tab('awaiting_supplement')).toEqual([d.supplement!.code]);
    expect(await tab('awaiting_financial_obligation')).toEqual([d.fees!.code]);
    const ready = await get(`unitId=${UNIT}&tab=ready_to_return`).expect(200);
    expect(ready.body.items).toEqual([
      expect.objectContaining({
        code: d.result!.code,
        status: 'resolved',
        currentUnitId: 'hue',
        receivingUnitId: UNIT,
      }),
    ]);
    // the province's queue has no open dossier: the result was recorded there, the hand-back is the counter's
    const province = await get('unitId=hue&tab=ready_to_return', admin).expect(200);
    expect(province.body.items).toEqual([]);
  });

  it('filters by procedure, channel, the receiving clerk and the days of receipt, counts included', async () => {
    const gplx = await get(`unitId=${UNIT}&procedureCode=T-GPLX-01`).expect(200);
    expect(codes(gplx.body)).toEqual([d.later!.code]);
    expect(gplx.body.counts).toMatchObject({ in_progress: 1, overdue: 0, awaiting_supplement: 0 });
    expect(codes((await get(`unitId=${UNIT}&channel=postal`).expect(200)).body)).toEqual([d.soon!.code]);
    const byBinh = await get(`unitId=${UNIT}&receivedBy=binh.queue`).expect(200);
    expect(codes(byBinh.body)).toEqual(d.today ? [d.today.code] : []);
    expect(byBinh.body.counts).toMatchObject({ awaiting_financial_obligation: 1, awaiting_supplement: 0 });
    const day = localDateOf(receivedForDue(d.overdue!.dueDate!));
    const onDay = await get(`unitId=${UNIT}&receivedFrom=${day}&receivedTo=${day}`).expect(200);
    expect(codes(onDay.body)).toEqual([d.overdue!.code]);
    const fromToday = await get(`unitId=${UNIT}&receivedFrom=${today}`).expect(200);
    expect(codes(fromToday.body)).toEqual([d.later!.code]);
  });

  it('pages with an opaque cursor, in order, each dossier once', async () => {
    const all = codes((await get(`unitId=${UNIT}`).expect(200)).body);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 10; page++) {
      const res = await get(`unitId=${UNIT}&limit=1${after ? `&after=${after}` : ''}`).expect(200);
      seen.push(...codes(res.body));
      if (res.body.nextCursor === null) break;
      after = res.body.nextCursor;
    }
    expect(seen).toEqual(all);
  });

  it('searches by code (or its start), ID number, phone and part of a name, without diacritics', async () => {
    const search = async (q: string) =>
      codes((await get(`unitId=${UNIT}&q=${encodeURIComponent(q)}`).expect(200)).body);
    expect(await search(d.soon!.code.toLowerCase())).toEqual([d.soon!.code]);
    expect((await search(d.soon!.code.slice(0, 13))).length).toBeGreaterThan(1);
    expect(await search(APPLICANTS.yen.idDocument.number)).toEqual([d.overdue!.code]);
    expect(await search('0935 246 810')).toEqual([d.overdue!.code]);
    expect(await search('hoang yen')).toEqual([d.overdue!.code]);
    expect(await search('ĐỨC THỊNH')).toEqual([d.later!.code]);
    expect(await search('046000000000')).toEqual([]);
    const counted = await get(`unitId=${UNIT}&q=${APPLICANTS.thinh.idDocument.number}`).expect(200);
    expect(counted.body.counts).toMatchObject({ in_progress: 1, overdue: 0, due_soon: 0 });
  });

  it('shows the erased marker once the applicant is erased, and the blind index no longer finds them', async () => {
    const found = await request(t.app.getHttpServer())
      .get(`/api/v1/applicants/dossiers?idKind=cccd&idNumber=${APPLICANTS.thinh.idDocument.number}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    await request(t.app.getHttpServer())
      .post(`/api/v1/applicants/${found.body[0].applicantId}/erasure`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ legalBasis: 'Nghị định 13/2023/NĐ-CP, Điều 16', reason: 'Yêu cầu của chủ thể dữ liệu' })
      .expect(200);
    const res = await get(`unitId=${UNIT}&procedureCode=T-GPLX-01`).expect(200);
    expect(res.body.items[0]).toMatchObject({ code: d.later!.code, applicantName: '[đã xoá theo yêu cầu]' });
    const search = await get(`unitId=${UNIT}&q=${APPLICANTS.thinh.idDocument.number}`).expect(200);
    expect(search.body.items).toEqual([]);
  });

  it('answers a queue asked with seen=<dossier>:<position> once the read models hold that change (read-your-writes)', async () => {
    for (let i = 0; i < 5; i += 1) {
      const fresh = await receive(lan, {});
      const history = await request(t.app.getHttpServer())
        .get(`/api/v1/dossiers/${fresh.id}/history`)
        .set('Authorization', `Bearer ${lan}`)
        .expect(200);
      const position = history.body.events.at(-1).globalPosition as number;
      // at once, before the projector had a chance: the answer must already list it
      const res = await get(`unitId=${UNIT}&q=${fresh.code}&seen=${fresh.id}:${position}`).expect(200);
      expect(codes(res.body)).toEqual([fresh.code]);
    }
  });

  it("keeps to the units the caller reads: another unit's clerk gets 403 and their own queue only", async () => {
    const other = await t.token('clerk', [OTHER_UNIT], 'other.queue');
    const refused = await get(`unitId=${UNIT}`, other).expect(403);
    expect(refused.body.code).toBe('UNIT_NOT_ALLOWED');
    const own = await get(`unitId=${OTHER_UNIT}&tab=overdue`, other).expect(200);
    expect(codes(own.body)).toEqual([d.elsewhere!.code]);
    expect(own.body.counts.in_progress).toBe(1);
    // searching for the other unit's dossier from this unit finds nothing
    expect((await get(`unitId=${UNIT}&q=${d.elsewhere!.code}`).expect(200)).body.items).toEqual([]);
    for (const role of ['supervisor', 'director'] as const)
      await get(`unitId=${UNIT}`, await t.token(role, [UNIT])).expect(200);
    await get(`unitId=${UNIT}`, await t.token('auditor')).expect(200);
    await request(t.app.getHttpServer()).get(`${URL}?unitId=${UNIT}`).expect(401);
  });

  it.each([
    ['', 'unitId'],
    [`unitId=${UNIT}&tab=returned`, 'tab'],
    [`unitId=nowhere`, 'unitId'],
    [`unitId=${UNIT}&procedureCode=X-0`, 'procedureCode'],
    [`unitId=${UNIT}&limit=500`, 'limit'],
    [`unitId=${UNIT}&receivedFrom=2026-13-01`, 'receivedFrom'],
    [`unitId=${UNIT}&after=xyz`, 'after'],
    [`unitId=${UNIT}&seen=not-a-dossier:12`, 'seen'],
    [`unitId=${UNIT}&colour=red`, 'colour'],
  ])('answers 400 naming the parameter: %s', async (query, field) => {
    const res = await get(query, admin).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors[0].field).toBe(field);
  });
});
