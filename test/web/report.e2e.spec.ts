import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatNumber } from '@app/domain';
import { bieu06Rows, type FiguresReport } from '@app/reports';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { type DeskApi, deskApi, pdfText } from './support/desk';
import { UNITS, historyPeriod, receiveOne, recordHistory } from './support/report-history';
import { tableCells, until } from './support/tables';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

/** Biểu 06's rows as the page must show them: STT, the group, then every number in Vietnamese (26.286). */
const shownRows = (report: FiguresReport): string[][] =>
  bieu06Rows(report).map((row) => row.map((cell, i) => (i < 2 ? String(cell) : formatNumber(Number(cell)))));

/** An instant as <input type=datetime-local step=1> takes it, in the centre's time (UTC+7). */
const localInput = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);

const hasExcelJs = (): boolean => {
  try {
    require.resolve('exceljs');
    return true;
  } catch {
    return false;
  }
};

describeInBrowser('the report page: Biểu 06, the paragraph, the reconciliation, downloads, print, as known at', () => {
  let web: WebApp;
  let browser: Browser;
  let clerk: DeskApi;
  let director: DeskApi;
  let directorName: string;
  let recorded: number;
  const period = historyPeriod();
  const figuresQuery = `from=${period.from}&to=${period.to}&unit=${UNITS.join(',')}&groupBy=unit`;
  const pageUrl = () =>
    `${web.url}/reports?kind=custom&from=${period.from}&to=${period.to}&scope=units&units=${UNITS.join(',')}&groupBy=unit`;
  const figures = (extra = '') =>
    director.get<FiguresReport>(`/api/v1/reports/dossier-figures?${figuresQuery}${extra}`);
  const text = async () => {
    const token = await web.testApp.token('director', [...UNITS], 'director-report');
    const response = await fetch(`${web.url}/api/v1/reports/dossier-figures?${figuresQuery}&format=text`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return response.text();
  };

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    directorName = await web.account('director', [...UNITS], 'director-report');
    director = deskApi(web, await web.testApp.token('director', [...UNITS], 'director-report'));
    clerk = deskApi(web, await web.testApp.token('clerk', [...UNITS], 'clerk-report'));
    recorded = await recordHistory(clerk, { 'hue-pvhcc': 12, hue: 8 });
    await until(async () => expect((await figures()).total.received.total).toBe(recorded));
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
    await page.getByTestId('bieu06').waitFor();
    await page.getByTestId('report-text').locator('p').first().waitFor();
    return page;
  };

  it('lays out Biểu 06 with the figures JSON, the paragraph of format=text and the reconciliation; accessible', async () => {
    const page = await open();
    const report = await figures();
    expect(report.groups.map((g) => g.key)).toEqual([...UNITS]);
    expect(await tableCells(page.getByTestId('bieu06'))).toEqual(shownRows(report));
    // the official header: the circular's groups and numbered columns (1)–(13)
    const header = (await page.getByTestId('bieu06').locator('thead').textContent()) ?? '';
    for (const words of ['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết', '(13)'])
      expect(header).toContain(words);
    const paragraphs = await page.getByTestId('report-text').locator('p').allTextContents();
    expect(paragraphs.join('\n\n')).toBe(await text());
    expect(paragraphs[0]).toContain(`đã tiếp nhận ${formatNumber(report.groups[0]!.figures.received.total)} hồ sơ`);
    const reconciliation = await tableCells(page.getByTestId('reconciliation'));
    expect(reconciliation.map((r) => r.at(-1))).toEqual(['0', '0', '0']);
    expect(reconciliation.at(-1)!.slice(1, 3)).toEqual([
      formatNumber(report.total.reconciliation.carriedOver),
      formatNumber(report.total.reconciliation.received),
    ]);
    // the other buckets link to the queues that list them (the period runs: the queue shows them now)
    const waiting = page.getByRole('link', { name: 'Trung tâm Phục vụ hành chính công thành phố Huế' }).first();
    expect(await waiting.getAttribute('href')).toMatch(/^\/\?unit=hue-pvhcc&tab=awaiting_supplement$/);
    await expectAccessible(page, 'report');
    await page.getByTestId('bieu06').scrollIntoViewIfNeeded();
    await screenshot(page, 'report');
    await page.context().close();
  });

  it('downloads the CSV with a BOM, the XLSX with the same cells as the JSON, and the paragraph as text', async () => {
    const page = await open();
    const report = await figures();
    const csvHref = await page.getByRole('link', { name: 'Tải Biểu 06 (CSV)' }).getAttribute('href');
    const csv = await page.request.get(`${web.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(2).map(Number))).toEqual(
      bieu06Rows(report).map((r) => r.slice(2).map(Number)),
    );

    const xlsxHref = await page.getByRole('link', { name: 'Tải Biểu 06 (Excel)' }).getAttribute('href');
    const xlsx = await page.request.get(`${web.url}${xlsxHref}`);
    if (xlsx.status() === 200 && hasExcelJs()) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ExcelJS = require('exceljs') as typeof import('exceljs');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const rows: (string | number)[][] = [];
      sheet.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1, 20).map((v) => (typeof v === 'number' ? v : String(v ?? '')));
        if (bieu06Rows(report).some((r) => r[1] === values[1])) rows.push(values);
      });
      expect(rows.map((r) => r.slice(1))).toEqual(bieu06Rows(report).map((r) => r.slice(1)));
    } else {
      console.warn(`XLSX not checked: format=xlsx answered ${xlsx.status()}`);
    }

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải đoạn văn (.txt)' }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file, 'utf8')).toBe(await text());
    await page.context().close();
  });

  it('prints Biểu 06 alone on A4 landscape', async () => {
    const page = await open();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-print-')), 'bieu-06.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file, printBackground: true, preferCSSPageSize: true });
    const printed = pdfText(file);
    expect(printed.text).toContain('Biểu số 06/VPCP/KSTT');
    expect(printed.text).toContain('Tổng cộng');
    expect(printed.text).not.toContain('Đoạn văn báo cáo');
    expect(printed.text).not.toContain('Đăng xuất');
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2])); // landscape
    expect(Math.round(Number(size?.[1]))).toBe(842); // A4
    await page.context().close();
  });

  it('shows the figures as known at an instant beside now, the differences highlighted', async () => {
    const page = await open();
    const before = await figures();
    const instant = new Date(Math.floor(Date.now() / 1000) * 1000);
    await new Promise((r) => setTimeout(r, 1100));
    await receiveOne(clerk, 'hue-pvhcc', 3, 1);
    await receiveOne(clerk, 'hue', 2, 2);
    await until(async () => expect((await figures()).total.received.total).toBe(before.total.received.total + 2));
    // the page follows the new receipts by itself (live)
    await until(async () =>
      expect((await tableCells(page.getByTestId('bieu06'))).at(-1)).toEqual(shownRows(await figures()).at(-1)),
    );

    const then = await figures(`&asKnownAt=${encodeURIComponent(instant.toISOString())}`);
    expect(then.total.received.total).toBe(before.total.received.total);
    await page.getByLabel('Thời điểm (giờ Việt Nam)').fill(localInput(instant));
    await page.getByRole('button', { name: 'Xem số liệu khi đó' }).click();
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor({ timeout: 20_000 });
    const rows = await tableCells(comparison);
    const total = rows.find((r) => r[0] === 'Số hồ sơ nhận giải quyết - Tổng số')!;
    expect(total.slice(1)).toEqual([
      formatNumber(before.total.received.total + before.total.carriedOver),
      formatNumber(before.total.received.total + before.total.carriedOver + 2),
      '+2',
    ]);
    expect(await comparison.locator('tr.differs').count()).toBeGreaterThanOrEqual(2);
    expect(await comparison.locator('tr.differs th').first().textContent()).toBe('Số hồ sơ nhận giải quyết - Tổng số');
    expect(new URL(page.url()).searchParams.get('asKnownAt')).toBe(`${localInput(instant)}+07:00`);
    await expectAccessible(page, 'report-as-known-at');
    await page.context().close();
  }, 90_000);

  it('compares with a filed report chosen from the list', async () => {
    const filed = await director.post<{ id: string }>('/api/v1/reports/filings', {
      from: period.from,
      to: period.to,
      unit: UNITS.join(','),
      groupBy: 'unit',
      title: 'Báo cáo thử nghiệm',
    });
    const before = await figures();
    await receiveOne(clerk, 'hue', 1, 0);
    await until(async () => expect((await figures()).total.received.total).toBe(before.total.received.total + 1));
    const page = await open();
    await page.getByLabel('Một báo cáo đã nộp').check();
    const select = page.locator('select[name="filing"]');
    await select.locator('option', { hasText: 'Báo cáo thử nghiệm' }).waitFor({ state: 'attached' });
    await select.selectOption(filed.id);
    await page.waitForURL((url) => url.searchParams.get('asKnownAt') === filed.id);
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor({ timeout: 20_000 });
    const rows = await tableCells(comparison);
    const total = rows.find((r) => r[0] === 'Số hồ sơ nhận giải quyết - Tổng số')!;
    expect(total.at(-1)).toBe('+1');
    expect(await page.getByRole('status').filter({ hasText: 'Báo cáo thử nghiệm' }).count()).toBe(1);
    await page.context().close();
  }, 90_000);
});
