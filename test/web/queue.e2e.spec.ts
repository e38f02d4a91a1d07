import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { chooseProcedure, type DeskApi, deskApi } from './support/desk';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

interface Dossier {
  id: string;
  code: string;
  version: number;
  status: string;
}

const UNIT = 'hue-pvhcc';
const PROCEDURE = 'T-DKDN-01'; // 3 working days, in force at the city's centre

const applicant = (fullName: string, number: string) => ({
  kind: 'citizen',
  fullName,
  idDocument: { kind: 'cccd', number },
  phone: '0912345678',
});

const row = (page: Page, code: string) => page.locator(`tr[data-dossier="${code}"]`);
const count = async (page: Page, tab: string) => (await page.getByTestId(`count-${tab}`).textContent())?.trim();

describeInBrowser('the work queue: live, scoped to the unit, tabs and counts, filters and search', () => {
  let web: WebApp;
  let browser: Browser;
  let apiA: DeskApi;
  let clerkA: string;
  let clerkB: string;
  let clerkHue: string;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    clerkA = await web.account('clerk', [UNIT], 'clerk-queue-a');
    clerkB = await web.account('clerk', [UNIT], 'clerk-queue-b');
    clerkHue = await web.account('clerk', ['hue'], 'clerk-queue-hue');
    apiA = deskApi(web, await web.testApp.token('clerk', [UNIT], 'clerk-queue-a'));
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const receive = (body: Record<string, unknown>) =>
    apiA.post<Dossier>('/api/v1/dossiers', {
      procedureCode: PROCEDURE,
      receivingUnitId: UNIT,
      channel: 'counter',
      ...body,
    });

  it("shows one clerk's receipt, saved on the receipt screen, in the other clerk's queue within 1 s, and nothing of it to a clerk of another unit watching meanwhile", async () => {
    // three desks open at once: A receives, B and a clerk of the city's People's Committee watch their queues
    const [deskA, deskB, deskHue] = await Promise.all([newDesk(browser), newDesk(browser), newDesk(browser)]);
    const [a, b, hue] = await Promise.all([deskA.newPage(), deskB.newPage(), deskHue.newPage()]);
    for (const [page, clerk] of [
      [b, clerkB],
      [hue, clerkHue],
    ] as const) {
      await signInAs(page, web.url, clerk);
      await page.getByRole('tab', { name: /Đang giải quyết/ }).waitFor();
      await page.getByText('Cập nhật trực tiếp').waitFor();
      await page.getByText('Không có hồ sơ nào đang giải quyết tại đơn vị.').waitFor();
    }
    await signInAs(a, web.url, clerkA);
    await a.goto(`${web.url}/receipt`);
    await a.getByText(/thủ tục đang có hiệu lực tại đơn vị/).waitFor();
    await chooseProcedure(a, 'thanh lap cong ty trach nhiem huu han mot', PROCEDURE);
    await a.locator('input[name="applicant.idDocument.number"]').fill('046190004321');
    await a.locator('input[name="applicant.fullName"]').fill('Lê Thị Thu Hương');
    const saved = a.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/dossiers'));
    await a.locator('input[name="applicant.fullName"]').press('Enter');
    const response = await saved;
    const answered = Date.now();
    expect(response.status()).toBe(201);
    const dossier = (await response.json()) as Dossier;

    await row(b, dossier.code).waitFor({ timeout: 5000 });
    const elapsed = Date.now() - answered;
    console.log(`queue: the receipt appeared in the other clerk's queue ${elapsed} ms after the 201`);
    expect(elapsed).toBeLessThan(1000);
    expect(await row(b, dossier.code).getAttribute('class')).toContain('row-changed');
    expect(await row(b, dossier.code).textContent()).toContain('Lê Thị Thu Hương');
    // announced politely for screen readers
    await b
      .getByRole('status')
      .filter({ hasText: `Hồ sơ ${dossier.code} vừa được tiếp nhận.` })
      .waitFor();
    expect(await count(b, 'in_progress')).toBe('1');

    // the other unit's clerk, live all along, saw nothing: not a row, not a count, not an announcement
    await hue.waitForTimeout(1500);
    expect(await hue.getByText('Cập nhật trực tiếp').count()).toBe(1);
    expect(await count(hue, 'in_progress')).toBe('0');
    expect(await hue.locator('body').textContent()).not.toContain(dossier.code);
    await hue.reload();
    await hue.getByText('Không có hồ sơ nào đang giải quyết tại đơn vị.').waitFor();
    expect(await hue.locator('body').textContent()).not.toContain(dossier.code);
    await hue.goto(`${web.url}/dossiers/${dossier.id}`);
    await hue.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
    expect(await hue.getByRole('alert').textContent()).toContain('Không có hồ sơ này');
    expect(await hue.locator('body').textContent()).not.toContain(dossier.code);
    await Promise.all([deskA.close(), deskB.close(), deskHue.close()]);
  });

  it('counts every tab, lists each by due date, filters by channel (kept in the URL), finds by code and by a name typed without diacritics', async () => {
    const overdue = await receive({
      channel: 'online',
      receivedAt: '2026-11-02T02:00:00.000Z',
      applicant: applicant('Trần Văn Bình', '046190001111'),
    });
    const fresh = await receive({ applicant: applicant('Nguyễn Thị Hoà', '046190002222') });
    const waiting = await receive({ channel: 'postal', applicant: applicant('Phạm Minh Đức', '046190003333') });
    await apiA.post(`/api/v1/dossiers/${waiting.id}/request-supplement`, { reason: 'Thiếu bản sao' });
    const done = await receive({ applicant: applicant('Hoàng Thị Lan', '046190005555') });
    await apiA.post(`/api/v1/dossiers/${done.id}/record-result`, { outcome: 'approved' });
    // the read models follow the log a moment later (the projector batches)
    const expected = {
      in_progress: 3,
      overdue: 1,
      awaiting_supplement: 1,
      awaiting_financial_obligation: 0,
      ready_to_return: 1,
    };
    let api = { counts: {} as Record<string, number> };
    for (let i = 0; i < 50; i++) {
      api = await apiA.get<{ counts: Record<string, number> }>(`/api/v1/work-queue?unitId=${UNIT}`);
      if (Object.entries(expected).every(([tab, n]) => api.counts[tab] === n)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const desk = await newDesk(browser);
    const page = await desk.newPage();
    await signInAs(page, web.url, clerkA);
    await row(page, fresh.code).waitFor();
    // the first test's dossier, the overdue one and the fresh one are in progress
    expect(api.counts).toMatchObject(expected);
    for (const [tab, n] of Object.entries(api.counts)) expect(await count(page, tab)).toBe(String(n));
    // sorted by due date: the overdue one first
    expect(await page.locator('tbody tr').first().getAttribute('data-dossier')).toBe(overdue.code);
    await expectAccessible(page, 'queue');
    await screenshot(page, 'queue');

    // tabs by keyboard: arrows move and select
    await page.getByRole('tab', { name: /Đang giải quyết/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const overdueTab = page.getByRole('tab', { name: /Quá hạn/ });
    expect(await overdueTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toMatch(/^Quá hạn/);
    await page.waitForURL(/tab=overdue/);
    await row(page, overdue.code).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await row(page, overdue.code).textContent()).toMatch(/quá hạn \d+ ngày/);
    await page.keyboard.press('End');
    await row(page, done.code).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('tab', { name: /Chờ bổ sung/ }).click();
    await row(page, waiting.code).waitFor();
    await page.getByRole('tab', { name: /Chờ nghĩa vụ tài chính/ }).click();
    await page.getByText('Không có hồ sơ nào đang chờ thực hiện nghĩa vụ tài chính.').waitFor();

    // filter by channel: only the online dossier; the URL reproduces the view
    await page.getByRole('tab', { name: /Đang giải quyết/ }).click();
    await page.getByLabel('Kênh tiếp nhận').selectOption('online');
    await page.waitForURL(/channel=online/);
    await page.locator('tbody tr').first().waitFor();
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 1");
    expect(await page.locator('tbody tr').first().getAttribute('data-dossier')).toBe(overdue.code);
    expect(await count(page, 'in_progress')).toBe('1');
    expect(await count(page, 'awaiting_supplement')).toBe('0');
    await page.reload();
    await row(page, overdue.code).waitFor();
    expect(await page.getByLabel('Kênh tiếp nhận').inputValue()).toBe('online');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
    await page.waitForURL((url) => !url.search.includes('channel'));

    // search by code: the waiting dossier, counted in its tab
    const search = page.getByLabel('Tìm hồ sơ');
    await search.fill(waiting.code);
    await search.press('Enter');
    await page.waitForURL(/q=/);
    await page.getByText('Không có hồ sơ nào khớp với điều kiện tìm kiếm, lọc.').waitFor();
    expect(await count(page, 'awaiting_supplement')).toBe('1');
    expect(await count(page, 'in_progress')).toBe('0');
    await page.getByRole('tab', { name: /Chờ bổ sung/ }).click();
    await row(page, waiting.code).waitFor();

    // by the applicant's name without diacritics
    await page.getByRole('tab', { name: /Đang giải quyết/ }).click();
    await search.fill('nguyen thi hoa');
    await search.press('Enter');
    await row(page, fresh.code).waitFor();
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 1");
    expect(await row(page, fresh.code).textContent()).toContain('Nguyễn Thị Hoà');

    // a search the API refuses: its Vietnamese sentence beside the field
    await search.fill('@');
    await search.press('Enter');
    const problem = page.locator('#q-error');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/mã hồ sơ.*họ tên/);
    await desk.close();
  });
});
