import type { Browser, Page } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { type DeskApi, deskApi } from './support/desk';
import { UNITS, historyPeriod, receiveOne, recordHistory } from './support/report-history';
import { tableCells, until } from './support/tables';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

interface Comparison {
  total: { figures: { figure: string; label: string; difference: number; dossiers: { dossierId: string }[] }[] };
}
interface History {
  events: { position: number; hash: string; prevHash: string | null }[];
}

describeInBrowser("the auditor's desk: a filing beside now, the dossier's hash chain, the log's integrity", () => {
  let web: WebApp;
  let browser: Browser;
  let clerk: DeskApi;
  let director: DeskApi;
  let auditor: DeskApi;
  let auditorName: string;
  let filingId: string;
  let late: { id: string; code: string };
  const period = historyPeriod();
  const figures = () =>
    director.get<{ total: { received: { total: number } } }>(
      `/api/v1/reports/dossier-figures?from=${period.from}&to=${period.to}&unit=${UNITS.join(',')}&groupBy=unit`,
    );

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    auditorName = await web.account('auditor', [...UNITS], 'auditor-desk');
    auditor = deskApi(web, await web.testApp.token('auditor', [...UNITS], 'auditor-desk'));
    director = deskApi(web, await web.testApp.token('director', [...UNITS], 'director-audit'));
    clerk = deskApi(web, await web.testApp.token('clerk', [...UNITS], 'clerk-audit'));
    const recorded = await recordHistory(clerk, { 'hue-pvhcc': 6, hue: 4 });
    await until(async () => expect((await figures()).total.received.total).toBe(recorded));
    // the director files the period; a seal is taken over the log as it stands
    const filed = await director.post<{ id: string }>('/api/v1/reports/filings', {
      from: period.from,
      to: period.to,
      unit: UNITS.join(','),
      groupBy: 'unit',
      title: 'Báo cáo kiểm tra thử',
    });
    filingId = filed.id;
    await web.testApp.app.get<string, EventStore>(EVENT_STORE).seal();
    // then a late entry: a dossier received 5 days ago, recorded now, and its result
    late = await receiveOne(clerk, 'hue', 5, 1);
    await clerk.post(`/api/v1/dossiers/${late.id}/record-result`, {
      outcome: 'approved',
      at: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    });
    await until(async () => {
      const comparison = await auditor.get<Comparison>(`/api/v1/reports/filings/${filingId}/comparison`);
      const received = comparison.total.figures.find((f) => f.figure === 'received.total');
      expect(received?.difference).toBe(1);
    }, 20_000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const signedIn = async (): Promise<Page> => {
    const page = await (await newDesk(browser)).newPage();
    await signInAs(page, web.url, auditorName);
    return page;
  };

  it('lists the filing and shows it beside now: the moved dossier and the events that moved it', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Kiểm tra', exact: true }).click();
    await page.getByRole('link', { name: 'Báo cáo đã nộp' }).click();
    const list = page.getByTestId('filings');
    await list.waitFor();
    const rows = await tableCells(list);
    expect(rows.some((r) => r[0] === 'Báo cáo kiểm tra thử')).toBe(true);
    await list.getByRole('link', { name: 'Báo cáo kiểm tra thử' }).click();
    await page.getByTestId('bieu06').waitFor();
    const diff = page.getByTestId('figure-diff');
    await diff.waitFor({ timeout: 20_000 });
    const received = (await tableCells(diff)).find((r) => r[0] === 'Tiếp nhận trong kỳ');
    expect(received?.at(-1)).toBe('+1');
    const moved = page.getByTestId('moved-dossier').filter({ hasText: late.code });
    expect(await moved.count()).toBeGreaterThanOrEqual(1);
    const events = await moved.first().getByTestId('moving-event').allTextContents();
    expect(events.some((e) => e.startsWith('Tiếp nhận hồ sơ'))).toBe(true);
    expect(events.join(' ')).toContain('clerk-audit');
    expect(await page.locator('a[href$="format=xlsx"]').count()).toBe(1);
    await expectAccessible(page, 'audit-filing');
    await screenshot(page, 'audit-filing');

    // from the moved dossier to its auditor's timeline
    await moved
      .first()
      .getByRole('link', { name: /dòng thời gian kiểm tra/ })
      .click();
    await page.getByTestId('chain-link').first().waitFor();
    await page.context().close();
  }, 120_000);

  it("shows the dossier's timeline with each event's hash linked to the previous one, as the log holds them", async () => {
    const history = await auditor.get<History>(`/api/v1/dossiers/${late.id}/history`);
    expect(history.events.length).toBeGreaterThanOrEqual(2);
    history.events.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? null : history.events[i - 1]!.hash));
    const page = await signedIn();
    await page.goto(`${web.url}/audit/dossiers/${late.id}`);
    const links = page.getByTestId('chain-link');
    await links.first().waitFor();
    expect(await links.count()).toBe(history.events.length);
    const shown = await links.evaluateAll((nodes) =>
      nodes.map((n) => ({
        hash: n.querySelector('code')?.getAttribute('data-hash') ?? '',
        prev: n.querySelector('[data-prev-hash]')?.getAttribute('data-prev-hash') ?? '',
      })),
    );
    expect(shown.map((s) => s.hash)).toEqual(history.events.map((e) => e.hash));
    shown.forEach((s, i) => expect(s.prev).toBe(i === 0 ? '' : shown[i - 1]!.hash));
    expect(await page.getByText(/KHÔNG khớp/).count()).toBe(0);
    expect(await page.getByText('Phiên bản lịch làm việc').count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'audit-timeline');
    await screenshot(page, 'audit-timeline');
    await page.context().close();
  }, 90_000);

  it('runs a verification of the whole log to INTACT, and lists the seal to download', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Kiểm tra', exact: true }).click();
    await page.getByRole('link', { name: 'Toàn vẹn nhật ký' }).click();
    const seals = page.getByTestId('seals');
    await seals.waitFor();
    expect(await seals.getByRole('link', { name: 'Tải về niêm phong số 1' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    await page.getByText('NGUYÊN VẸN (INTACT)').waitFor({ timeout: 60_000 });
    const sealExport = await auditor.get<{ sealNumber: number }>('/api/v1/audit/seals/1/export');
    expect(sealExport.sealNumber).toBe(1);
    await expectAccessible(page, 'audit-integrity');
    await screenshot(page, 'audit-integrity');
    await page.context().close();
  }, 120_000);
});
