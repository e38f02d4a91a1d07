import type { Browser, Page } from 'playwright-core';
import { formatDate } from '@app/domain';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { type DeskApi, deskApi } from './support/desk';
import { UNITS, historyPeriod, receiveOne, recordHistory } from './support/report-history';
import { tableCells, until, vnNumber } from './support/tables';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

interface Dashboard {
  period: { from: string; to: string };
  units: string[];
  received: { date: string; counter: number; online: number; postal: number }[];
  results: { date: string; early: number; onTime: number; late: number }[];
  inProgress: { within: number; overdue: number };
  overdueByUnit: { unitId: string; unitName: string; overdue: number }[];
  lateProcedures: { procedureCode: string; procedureName: string; resolved: number; late: number; lateShare: number }[];
  unitsByOnTime: {
    unitId: string;
    resolved: number;
    early: number;
    onTime: number;
    late: number;
    onTimeShare: number;
  }[];
}

const numbers = (rows: string[][], from: number) => rows.map((r) => r.slice(from).map(vnNumber));
const near = (a: number | null, b: number) => a !== null && Math.abs(a - b) < 0.0005 + 0.0005;

describeInBrowser("the director's dashboard: charts with their numbers, live, linked to the queue", () => {
  let web: WebApp;
  let browser: Browser;
  let clerk: DeskApi;
  let director: DeskApi;
  let directorName: string;
  let recorded: number;
  const period = historyPeriod();
  const apiQuery = `from=${period.from}&to=${period.to}&units=${UNITS.join(',')}&interval=week`;
  const pageUrl = () =>
    `${web.url}/dashboard?kind=custom&from=${period.from}&to=${period.to}&scope=units&units=${UNITS.join(',')}&groupBy=unit`;
  const dashboard = () => director.get<Dashboard>(`/api/v1/reports/dashboard?${apiQuery}`);
  const receivedIn = (d: Dashboard) => d.received.reduce((n, r) => n + r.counter + r.online + r.postal, 0);

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    directorName = await web.account('director', [...UNITS], 'director-dashboard');
    director = deskApi(web, await web.testApp.token('director', [...UNITS], 'director-dashboard'));
    clerk = deskApi(web, await web.testApp.token('clerk', [...UNITS], 'clerk-dashboard'));
    recorded = await recordHistory(clerk);
    await until(async () => expect(receivedIn(await dashboard())).toBe(recorded));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const open = async (): Promise<Page> => {
    const context = await newDesk(browser);
    const page = await context.newPage();
    await signInAs(page, web.url, directorName);
    await page.goto(pageUrl());
    await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
    await page.locator('figure[data-chart="overdue-by-unit"] svg').first().waitFor();
    return page;
  };

  it("shows every chart's numbers in its table, equal to the dashboard API for the same query; accessible", async () => {
    const page = await open();
    const data = await dashboard();
    expect(data.units.sort()).toEqual([...UNITS].sort());
    expect(data.overdueByUnit.length).toBeGreaterThan(0);
    expect(data.lateProcedures.length).toBeGreaterThan(0);

    const received = await tableCells(page.getByTestId('table-received'));
    expect(received.map((r) => r[0])).toEqual(data.received.map((r) => formatDate(r.date)));
    expect(numbers(received, 1)).toEqual(
      data.received.map((r) => [r.counter, r.online, r.postal, r.counter + r.online + r.postal]),
    );
    const results = await tableCells(page.getByTestId('table-results'));
    expect(numbers(results, 1).map((r) => r.slice(0, 3))).toEqual(data.results.map((r) => [r.early, r.onTime, r.late]));
    const inProgress = await tableCells(page.getByTestId('table-in-progress'));
    expect(numbers(inProgress, 0)).toEqual([[data.inProgress.within, data.inProgress.overdue]]);
    const overdue = await tableCells(page.getByTestId('table-overdue-by-unit'));
    expect(overdue).toEqual(data.overdueByUnit.map((u) => [u.unitName, String(u.overdue)]));
    const late = await tableCells(page.getByTestId('table-late-procedures'));
    expect(late.map((r) => r[0])).toEqual(data.lateProcedures.map((p) => p.procedureCode));
    late.forEach((row, i) => {
      const p = data.lateProcedures[i]!;
      expect([vnNumber(row[2]!), vnNumber(row[3]!)]).toEqual([p.resolved, p.late]);
      expect(near(vnNumber(row[4]!), p.lateShare)).toBe(true);
    });
    const ranking = await tableCells(page.getByTestId('table-units-by-on-time'));
    ranking.forEach((row, i) => {
      const u = data.unitsByOnTime[i]!;
      expect(row.slice(1, 5).map(vnNumber)).toEqual([u.resolved, u.early, u.onTime, u.late]);
      expect(near(vnNumber(row[5]!), u.onTimeShare)).toBe(true);
    });
    expect(ranking).toHaveLength(data.unitsByOnTime.length);

    // every chart is an SVG with its name; its numbers open with «Xem số liệu»
    expect(await page.locator('figure.chart').count()).toBe(6);
    const summary = page.locator('figure[data-chart="received"] summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('table-received').waitFor({ state: 'visible' });
    await expectAccessible(page, 'dashboard');
    await page.keyboard.press('Enter');
    await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -90));
    await screenshot(page, 'dashboard');
    await page.context().close();
  });

  it("opens a unit's overdue queue from its bar, with the same count", async () => {
    const page = await open();
    const data = await dashboard();
    const unit = data.overdueByUnit.find((u) => u.unitId === 'hue-pvhcc')!;
    expect(unit.overdue).toBeGreaterThan(0);
    const bar = page.locator(`figure[data-chart="overdue-by-unit"] svg a[href*="unit=${unit.unitId}"]`).first();
    await bar.click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('tab') === 'overdue');
    await page.getByRole('heading', { name: `Hàng đợi hồ sơ — ${unit.unitName}` }).waitFor();
    await until(async () =>
      expect((await page.getByTestId('count-overdue').textContent())?.trim()).toBe(String(unit.overdue)),
    );
    expect(await page.getByLabel('Đơn vị').inputValue()).toBe(unit.unitId);
    await page.context().close();
  });

  it('follows a new receipt within a few seconds while the period runs', async () => {
    const page = await open();
    const before = await dashboard();
    const lastRow = async () => (await tableCells(page.getByTestId('table-received'))).at(-1)!;
    const beforeTotal = vnNumber((await lastRow()).at(-1)!)!;
    const started = Date.now();
    await receiveOne(clerk, 'hue-pvhcc', 0, 0);
    await until(async () => expect(vnNumber((await lastRow()).at(-1)!)).toBe(beforeTotal + 1), 8_000);
    const followedMs = Date.now() - started;
    console.log(`dashboard followed a receipt in ${followedMs} ms`);
    expect(receivedIn(await dashboard())).toBe(receivedIn(before) + 1);
    await page.context().close();
  });
});
