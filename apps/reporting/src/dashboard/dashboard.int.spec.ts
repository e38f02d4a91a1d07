import request from 'supertest';
import { HUE_2020_UNITS, addDays, dayOfWeek, localDateOf } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectorService } from '@app/projector';
import { appendHistories, generateWorkload } from '@app/read-models/testing';
import { type TestApp, createTestApp } from '../../../../test/support/test-app';

const URL = '/api/v1/reports/dashboard';
const FIGURES = '/api/v1/reports/dossier-figures';
const QUARTER = 'from=2020-06-10&to=2020-09-04';
const TTH_UNITS = HUE_2020_UNITS.filter((u) => u.id.startsWith('tth-')).map((u) => u.id);

interface Point {
  date: string;
  [key: string]: number | string;
}
const total = (points: Point[], key: string): number => points.reduce((n, p) => n + Number(p[key]), 0);

/**
 * The dashboard's data through the standalone app, over generated histories projected by the live projector: a
 * past quarter (the Huế 2020 units) and a period ending today (the same units kept in force, histories ending before
 * now). Every number is checked against the figures endpoint for the same period and scope, and the overdue counts
 * of a period ending today against the work queue's overdue tab.
 */
describe('GET /api/v1/reports/dashboard (standalone app)', () => {
  let t: TestApp;
  let admin: string;
  const today = localDateOf(new Date());
  const recentFrom = addDays(today, -120);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('admin');
    const store = t.app.get<EventStore>(EVENT_STORE);
    await appendHistories(store, [...generateWorkload({ seed: 3, dossiers: 1500, from: '2020-05-01', days: 150 })]);
    // Recent dossiers at the 2020 units kept in force: some still open and overdue today. Histories that would
    // reach into the future (a result after today) are left out: the log holds only what has happened.
    const now = Date.now();
    const recent = [
      ...generateWorkload({
        seed: 17,
        dossiers: 800,
        from: addDays(today, -160),
        days: 90,
        units: HUE_2020_UNITS.map((u) => ({ ...u, validTo: null })),
      }),
    ].filter((h) => h.events.every((e) => Date.parse(e.data.occurredAt) < now));
    await appendHistories(store, recent);
    await t.app.get(ProjectorService).projector.caughtUp();
  });
  afterAll(async () => t.close());

  const get = (url: string, query: string, token = admin) =>
    request(t.app.getHttpServer()).get(`${url}?${query}`).set('Authorization', `Bearer ${token}`);

  it('adds up to the figures of the same period and scope: received by channel, results, in progress', async () => {
    for (const [scope, interval] of [
      ['level=province,district', 'day'],
      ['level=province,district', 'week'],
      ['unit=tth-hcc-hue&units=tth-pvhcc', 'day'],
    ] as const) {
      const dashboard = (await get(URL, `${QUARTER}&${scope}&interval=${interval}`).expect(200)).body;
      const figures = (await get(FIGURES, `${QUARTER}&${scope.replace('&units=', ',')}`).expect(200)).body.total;
      expect(figures.received.total).toBeGreaterThan(100);
      expect(total(dashboard.received, 'counter')).toBe(figures.received.counter);
      expect(total(dashboard.received, 'online')).toBe(figures.received.online);
      expect(total(dashboard.received, 'postal')).toBe(figures.received.postal);
      expect(total(dashboard.results, 'early')).toBe(figures.resolved.early);
      expect(total(dashboard.results, 'onTime')).toBe(figures.resolved.onTime);
      expect(total(dashboard.results, 'late')).toBe(figures.resolved.late);
      expect(dashboard.inProgress).toEqual({
        within: figures.inProgress.withinDeadline,
        overdue: figures.inProgress.overdue,
        asOf: '2020-09-04',
      });
      const dates = dashboard.received.map((p: Point) => p.date);
      if (interval === 'day') {
        expect(dates).toHaveLength(87);
        expect(dates[0]).toBe('2020-06-10');
        expect(dates.at(-1)).toBe('2020-09-04');
      } else {
        expect(dates[0]).toBe('2020-06-08'); // the Monday of the week of 10/6
        expect(dates.every((d: string) => dayOfWeek(d) === 1)).toBe(true);
      }
      expect(dashboard.results.map((p: Point) => p.date)).toEqual(dates);
    }
  });

  it('ranks units by on-time share and procedures by late results, each equal to the figures', async () => {
    const dashboard = (await get(URL, `${QUARTER}&level=province,district`).expect(200)).body;
    const byUnit = (await get(FIGURES, `${QUARTER}&level=province,district&groupBy=unit`).expect(200)).body.groups;
    const ranked = byUnit
      .filter((g: { figures: { resolved: { total: number } } }) => g.figures.resolved.total > 0)
      .map((g: { key: string; subject: string; figures: { resolved: Record<string, number> } }) => ({
        unitId: g.key,
        unitName: g.subject,
        resolved: g.figures.resolved.total,
        early: g.figures.resolved.early,
        onTime: g.figures.resolved.onTime,
        late: g.figures.resolved.late,
        onTimeShare: (g.figures.resolved.early! + g.figures.resolved.onTime!) / g.figures.resolved.total!,
      }));
    expect(dashboard.unitsByOnTime).toHaveLength(ranked.length);
    expect(dashboard.unitsByOnTime).toEqual(expect.arrayContaining(ranked));
    const shares = dashboard.unitsByOnTime.map((u: { onTimeShare: number }) => u.onTimeShare);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));

    const byProcedure = (await get(FIGURES, `${QUARTER}&level=province,district&groupBy=procedure`).expect(200)).body
      .groups as { key: string; subject: string; figures: { resolved: { total: number; late: number } } }[];
    const late = byProcedure
      .filter((g) => g.figures.resolved.late > 0)
      .sort((a, b) => b.figures.resolved.late - a.figures.resolved.late);
    expect(dashboard.lateProcedures.length).toBe(Math.min(10, late.length));
    for (const item of dashboard.lateProcedures) {
      const line = byProcedure.find((g) => g.key === item.procedureCode)!;
      expect(item).toMatchObject({
        procedureName: line.subject,
        resolved: line.figures.resolved.total,
        late: line.figures.resolved.late,
        lateShare: line.figures.resolved.late / line.figures.resolved.total,
      });
    }
    const lates = dashboard.lateProcedures.map((p: { late: number }) => p.late);
    expect(lates).toEqual([...lates].sort((a, b) => b - a));
    expect(lates[0]).toBe(late[0]!.figures.resolved.late);
  });

  it('counts overdue at the end of a past period per receiving unit, as the figures do', async () => {
    const dashboard = (await get(URL, `${QUARTER}&level=province,district`).expect(200)).body;
    expect(dashboard.overdue).toEqual({ basis: 'period-end', asOf: '2020-09-04', unitOf: 'receiving' });
    const byUnit = (await get(FIGURES, `${QUARTER}&level=province,district&groupBy=unit`).expect(200)).body.groups;
    const expected = byUnit
      .filter((g: { figures: { inProgress: { overdue: number } } }) => g.figures.inProgress.overdue > 0)
      .map((g: { key: string; subject: string; figures: { inProgress: { overdue: number } } }) => ({
        unitId: g.key,
        unitName: g.subject,
        overdue: g.figures.inProgress.overdue,
      }));
    expect(expected.length).toBeGreaterThan(0);
    expect(dashboard.overdueByUnit).toEqual(
      [...expected].sort((a, b) => b.overdue - a.overdue || a.unitId.localeCompare(b.unitId)),
    );
    for (const item of dashboard.lateProcedures)
      expect(item.overdue).toBe(item.overdueByUnit.reduce((n: number, u: { overdue: number }) => n + u.overdue, 0));
  });

  it("counts overdue for a period ending today exactly as each unit's work queue does, by procedure too", async () => {
    const scope = `from=${recentFrom}&to=${today}&unit=${TTH_UNITS.join(',')}`;
    const dashboard = (await get(URL, scope).expect(200)).body;
    expect(dashboard.overdue).toEqual({ basis: 'work-queue', asOf: today, unitOf: 'current' });
    expect(dashboard.overdueByUnit.length).toBeGreaterThan(0);
    const queueOverdue = async (unitId: string, procedureCode?: string): Promise<number> => {
      const procedure = procedureCode ? `&procedureCode=${procedureCode}` : '';
      const res = await get('/api/v1/work-queue', `unitId=${unitId}&tab=overdue${procedure}`).expect(200);
      return res.body.counts.overdue;
    };
    for (const unitId of TTH_UNITS) {
      const item = dashboard.overdueByUnit.find((u: { unitId: string }) => u.unitId === unitId);
      expect({ unitId, overdue: item?.overdue ?? 0 }).toEqual({ unitId, overdue: await queueOverdue(unitId) });
    }
    for (const procedure of dashboard.lateProcedures)
      for (const unit of procedure.overdueByUnit)
        expect(unit.overdue).toBe(await queueOverdue(unit.unitId, procedure.procedureCode));
    // in progress now, from the counters (receiving units), equals the figures of a period ending today
    const figures = (await get(FIGURES, scope).expect(200)).body.total;
    expect(dashboard.inProgress).toEqual({
      within: figures.inProgress.withinDeadline,
      overdue: figures.inProgress.overdue,
      asOf: today,
    });
    expect(total(dashboard.received, 'counter') + total(dashboard.received, 'online')).toBe(
      figures.received.online + figures.received.counter,
    );
    // a period reaching past today: in progress as of today, the same numbers
    const later = (
      await get(URL, `from=${recentFrom}&to=${addDays(today, 30)}&unit=${TTH_UNITS.join(',')}`).expect(200)
    ).body;
    expect(later.inProgress).toEqual(dashboard.inProgress);
    expect(later.overdueByUnit).toEqual(dashboard.overdueByUnit);
  });

  it('says where the read models are in the log and how far behind', async () => {
    await t.app.get(ProjectorService).projector.caughtUp();
    const dashboard = (await get(URL, `${QUARTER}&unit=tth-pvhcc`).expect(200)).body;
    expect(dashboard.projector.globalPosition).toBeGreaterThan(1000);
    expect(dashboard.projector).toMatchObject({ lagEvents: 0, lagCapped: false, lagSeconds: 0 });
    expect(dashboard.units).toEqual(['tth-pvhcc']);
    expect(dashboard.interval).toBe('day');
    const year = (await get(URL, `from=2020-01-01&to=2020-12-31&unit=tth-pvhcc`).expect(200)).body;
    expect(year.interval).toBe('week');
  });

  it('lets clerks, supervisors and directors see their units only; auditors every unit', async () => {
    for (const role of ['clerk', 'supervisor', 'director'] as const) {
      const ofHue = await t.token(role, ['tth-hcc-hue']);
      await get(URL, `${QUARTER}&unit=tth-hcc-hue`, ofHue).expect(200);
      expect((await get(URL, `${QUARTER}&level=district`, ofHue).expect(403)).body.code).toBe('UNIT_NOT_ALLOWED');
      await get(URL, `${QUARTER}&unit=tth-hcc-hue&units=tth-pvhcc`, ofHue).expect(403);
    }
    await get(URL, `${QUARTER}&level=district`, await t.token('auditor')).expect(200);
    await request(t.app.getHttpServer()).get(`${URL}?${QUARTER}&unit=tth-pvhcc`).expect(401);
  });

  it.each([
    [`${QUARTER}&unit=tth-pvhcc&interval=month`, 'interval'],
    [`${QUARTER}`, 'unit'],
    [`${QUARTER}&unit=tth-pvhcc&level=district`, 'level'],
    [`from=2020-09-04&to=2020-06-10&unit=tth-pvhcc`, 'to'],
    [`${QUARTER}&unit=nowhere`, 'unit'],
    [`${QUARTER}&level=galaxy`, 'level'],
    [`${QUARTER}&unit=tth-pvhcc&colour=red`, 'colour'],
  ])('answers 400 naming the parameter: %s', async (query, field) => {
    const res = await get(URL, query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors[0].field).toBe(field);
  });
});
