import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD } from '@app/accounts/testing';
import { describeInBrowser, launchBrowser, newDesk } from './support/browser';
import {
  chooseProcedure,
  type DeskApi,
  deskApi,
  done,
  expectStatus,
  focusedAs,
  formDate,
  openForm,
  pdfText,
  tabTo,
} from './support/desk';
import { startWebApp, type WebApp } from './support/web-app';

const UNIT = 'hue-pvhcc';

/**
 * Acceptance 1 of issue 16 as one clerk's morning, from the keyboard alone (typing, Tab, arrows, Enter; never a
 * click): sign in, receive a dossier, print its Mẫu 01 to PDF, then take it through transfer, supplement requested
 * and received, result and hand-back on the dossier page, each through its form.
 */
describeInBrowser('the counter desk, end to end by keyboard (issue 16, acceptance 1)', () => {
  let web: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: DeskApi;
  let username: string;
  let out: string;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-'));
    web = await startWebApp();
    browser = await launchBrowser();
    username = await web.account('clerk', [UNIT], 'journey-clerk');
    api = deskApi(web, await web.testApp.token('clerk', [UNIT], 'journey-api'));
    context = await newDesk(browser);
    page = await context.newPage();
    // every mouse button pressed is counted: the test ends by finding none
    await page.addInitScript(
      `document.addEventListener('mousedown', () => { window.__clicks = (window.__clicks ?? 0) + 1; }, true);`,
    );
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('signs in, receives a dossier, prints Mẫu 01 to PDF, and takes it through transfer, supplement, result and hand-back', async () => {
    const labels = new Map(
      (await api.get<{ key: string; label: string }[]>('/api/v1/dossier-actions')).map((a) => [a.key, a.label]),
    );
    const label = (key: string): string => labels.get(key) ?? key;

    // sign in: the user name has the focus
    await page.goto(web.url);
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await focusedAs(page, 'name')).toBe('username');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

    // the receipt screen, from the navigation
    await tabTo(page, { text: 'Tiếp nhận hồ sơ' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByText(/thủ tục đang có hiệu lực tại đơn vị/).waitFor();
    const preview = await chooseProcedure(page, 'thanh lap cong ty trach nhiem huu han mot', 'T-DKDN-01');
    await tabTo(page, 'applicant.idDocument.number');
    await page.keyboard.type('046190008888');
    await page.keyboard.press('Tab');
    await page.getByText('Chưa có thông tin công dân này; vui lòng nhập.').waitFor();
    await tabTo(page, 'applicant.fullName');
    await page.keyboard.type('Đặng Thị Thuỳ Dương');
    await tabTo(page, 'applicant.phone');
    await page.keyboard.type('0905 246 810');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(await page.getByTestId('saved-due-date').textContent()).toBe(preview);
    const dossier = await api.get<{ id: string; dueDate: string }>(`/api/v1/dossiers?code=${encodeURIComponent(code)}`);
    expect(dossier.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Mẫu 01 from the confirmation, printed to PDF: its text has the code and the due date as the form writes it
    await tabTo(page, { text: 'In giấy tiếp nhận (Mẫu 01)' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' }).waitFor();
    await page.getByRole('img', { name: `Mã QR của mã hồ sơ ${code}` }).waitFor();
    const pdf = path.join(out, 'form-01.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const printed = pdfText(pdf);
    expect(printed.pages).toBe(1);
    expect(printed.text).toContain(`Mã hồ sơ: ${code}`);
    expect(printed.text).toContain(
      `Thời gian trả kết quả giải quyết hồ sơ: …… giờ …… phút, ${formDate(dossier.dueDate)}`,
    );
    expect(printed.text).toContain('Đặng Thị Thuỳ Dương');

    // the dossier page, back from the form
    await tabTo(page, { text: 'Quay lại hồ sơ' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await expectStatus(page, 'Đang giải quyết');
    const header = page.locator('.dossier-header');

    // transfer to the city's People's Committee
    await openForm(page, label('transfer'));
    expect(await focusedAs(page, 'id')).toBe('action-field-toUnitId');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'reason');
    await page.keyboard.type('Chuyển UBND thành phố thẩm định');
    await page.keyboard.press('Control+Enter');
    await done(page, label('transfer'));
    await header.getByText('Ủy ban nhân dân thành phố Huế').first().waitFor();
    await expectStatus(page, 'Đang giải quyết');

    // a supplement requested, then received
    await openForm(page, label('requestSupplement'));
    await page.keyboard.type('Thiếu bản sao điều lệ công ty');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Bản sao điều lệ');
    await page.keyboard.press('Control+Enter');
    await done(page, label('requestSupplement'));
    await expectStatus(page, 'Chờ bổ sung hồ sơ');

    await openForm(page, label('receiveSupplement'));
    await page.keyboard.press('Enter');
    await done(page, label('receiveSupplement'));
    await expectStatus(page, 'Đang giải quyết');

    // the result, approved
    const result = await openForm(page, label('recordResult'));
    await page.keyboard.press('Space');
    expect(await result.getByLabel('Giải quyết (chấp thuận)').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await done(page, label('recordResult'));
    await expectStatus(page, 'Đã có kết quả');

    // handed back at the counter
    const handBack = await openForm(page, label('returnResult'));
    expect(await handBack.getByLabel('Trực tiếp tại Bộ phận Một cửa').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await done(page, label('returnResult'));
    await expectStatus(page, 'Đã trả kết quả');
    await page.getByText('Không có thao tác nào được phép').waitFor();

    expect(await page.locator('.timeline h3').allTextContents()).toEqual([
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý',
      'Yêu cầu bổ sung, hoàn thiện hồ sơ',
      'Tiếp nhận hồ sơ bổ sung',
      'Có kết quả giải quyết',
      'Trả kết quả',
    ]);
    const history = await api.get<{ events: { type: string }[] }>(`/api/v1/dossiers/${dossier.id}/history`);
    expect(history.events.map((e) => e.type)).toEqual([
      'DossierReceived',
      'DossierTransferred',
      'SupplementRequested',
      'SupplementReceived',
      'ResultRecorded',
      'ResultReturned',
    ]);
    expect(await page.evaluate('window.__clicks ?? 0')).toBe(0); // not one mouse button pressed
  });
});
