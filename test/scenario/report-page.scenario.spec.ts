import type { Browser } from 'playwright-core';
import { ProjectorService } from '@app/projector';
import { HUE_2020_Q3 } from '../../scripts/scenario/hue-2020-q3.scenario';
import { simulate } from '../../scripts/scenario/simulate';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk } from '../web/support/browser';
import { tableCells } from '../web/support/tables';
import { signInAs, startWebApp, type WebApp } from '../web/support/web-app';

/**
 * Acceptance 1 of issue 17 on the Huế demo data: the ~71,000 dossiers of the Q3-2020 scenario recorded through the
 * command path (as hue-2020-q3.scenario.spec.ts does — jest runs each spec file in its own process, so the app
 * cannot be shared with it), then the report page for the report's window 10/6/2020 → 04/9/2020 in a browser: the
 * seed's three sentences word for word, and Biểu 06 with the same numbers.
 */
describeInBrowser('the report page on the Huế Q3-2020 scenario says what the source report says', () => {
  let web: WebApp;
  let browser: Browser;
  let auditor: string;

  beforeAll(async () => {
    web = await startWebApp({ DATABASE_POOL_SIZE: '30' });
    browser = await launchBrowser();
    auditor = await web.account('auditor', ['*'], 'auditor-report-page');
    const report = await simulate(web.testApp.app, { definition: HUE_2020_Q3, seed: 1 });
    expect(report.dossiers).toBe(71_433);
    await web.testApp.app.get(ProjectorService).projector.caughtUp();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows, for 10/6/2020 → 04/9/2020 by level, the three sentences of § II.3.b and the Biểu 06 table', async () => {
    const context = await newDesk(browser);
    const page = await context.newPage();
    await signInAs(page, web.url, auditor);
    await page.goto(`${web.url}/reports?kind=named&named=tth-2020-q3&scope=province&groupBy=level`);
    await page.getByTestId('report-text').locator('p').first().waitFor({ timeout: 60_000 });
    const text = ((await page.getByTestId('report-text').textContent()) ?? '').replace(/\s+/g, ' ');
    for (const sentence of [
      'Từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 26.286 hồ sơ; ' +
        'đã giải quyết 22.174 hồ sơ; trong đó, đã giải quyết trước hẹn 16.305 hồ sơ (đạt tỷ lệ 73,5%), đúng hẹn ' +
        '4.765 hồ sơ (đạt tỷ lệ 21,5%), trễ hẹn 1.104 hồ sơ (tỷ lệ 5%); đang giải quyết 4.111 hồ sơ.',
      'Tại các Trung tâm Hành chính công cấp huyện đã tiếp nhận 41.085 hồ sơ; đã giải quyết 33.445 hồ sơ; trong đó, ' +
        'đã giải quyết trước hẹn 23.060 hồ sơ (đạt tỷ lệ 68,9%), đúng hẹn 8.522 hồ sơ (đạt tỷ lệ 25,5%), trễ hẹn ' +
        '1.863 hồ sơ (tỷ lệ 5,6%); đang giải quyết 6.503 hồ sơ.',
      'Về tiếp nhận hồ sơ TTHC qua dịch vụ bưu chính công ích, từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm ' +
        'Phục vụ hành chính công tỉnh đã tiếp nhận 1.940 hồ sơ; tại các Trung tâm Hành chính công cấp huyện đã tiếp nhận 4.774 hồ sơ.',
    ])
      expect(text).toContain(sentence);
    // Biểu 06: the two levels' lines (received, resolved early/on time/late, in progress) as the sentences say
    const rows = await tableCells(page.getByTestId('bieu06'));
    expect(rows[0]!.slice(1)).toEqual(expect.arrayContaining(['Trung tâm Phục vụ hành chính công tỉnh']));
    const line = (row: string[]) => [row[6], row[7], row[8], row[9], row[10]];
    expect(line(rows[0]!)).toEqual(['22.174', '16.305', '4.765', '1.104', '4.111']);
    expect(line(rows[1]!)).toEqual(['33.445', '23.060', '8.522', '1.863', '6.503']);
    expect(rows[2]![1]).toBe('Tổng cộng');
    await expectAccessible(page, 'report-hue-2020-q3');
    await context.close();
  });

  it('draws the dashboard of the window for the province, its tables equal to the API, within 2 s', async () => {
    const context = await newDesk(browser);
    const page = await context.newPage();
    await signInAs(page, web.url, auditor);
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/reports/dashboard?'));
    const started = Date.now();
    await page.goto(`${web.url}/dashboard?kind=named&named=tth-2020-q3&scope=province`);
    await page.locator('figure[data-chart="units-by-on-time"] svg').first().waitFor({ timeout: 30_000 });
    const drawnMs = Date.now() - started;
    console.log(
      `dashboard of the Huế Q3-2020 window, the province: all six charts drawn ${drawnMs} ms after navigation`,
    );
    expect(drawnMs).toBeLessThan(2000);
    const data = (await (await answer).json()) as {
      received: { counter: number; online: number; postal: number }[];
      unitsByOnTime: { unitId: string }[];
    };
    const received = await tableCells(page.getByTestId('table-received'));
    expect(received.map((row) => row.slice(1, 4).map((c) => Number(c.replace(/\./g, ''))))).toEqual(
      data.received.map((r) => [r.counter, r.online, r.postal]),
    );
    expect(data.received.reduce((n, r) => n + r.counter + r.online + r.postal, 0)).toBe(26_286 + 41_085);
    expect(await page.getByTestId('table-units-by-on-time').locator('tbody tr').count()).toBe(
      data.unitsByOnTime.length,
    );
    await context.close();
  });
});
