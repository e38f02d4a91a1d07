import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { chooseProcedure, deskApi, focusedAs, focusedName, shownDate, tabTo } from './support/desk';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

const UNIT = 'hue-pvhcc';
const CCCD = '046190001234';

describeInBrowser('the receipt screen (Tiếp nhận hồ sơ)', () => {
  let web: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let bearer: string;

  /** The API, as another client: the dossier's history, and a receipt whose code shows how many were issued since. */
  const apiGet = <T>(path: string): Promise<T> => deskApi(web, bearer).get<T>(path);
  const sequenceOf = (code: string): number => Number(code.split('-').pop());
  const nextCodeByApi = async (): Promise<string> =>
    (
      await deskApi(web, bearer).post<{ code: string }>('/api/v1/dossiers', {
        procedureCode: 'T-DKDN-02',
        receivingUnitId: UNIT,
        channel: 'counter',
      })
    ).code;

  async function openReceipt(): Promise<void> {
    await page.goto(`${web.url}/receipt`);
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByText(/thủ tục đang có hiệu lực tại đơn vị/).waitFor();
  }

  /** A valid applicant typed in (fill: these tests are about saving, not the keyboard). */
  async function fillApplicant(name: string, idNumber: string): Promise<void> {
    await page.locator('input[name="applicant.idDocument.number"]').fill(idNumber);
    await page.locator('input[name="applicant.fullName"]').fill(name);
    await page.locator('input[name="applicant.phone"]').fill('0905123456');
  }

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    const username = await web.account('clerk', [UNIT], 'receipt-clerk');
    bearer = await web.testApp.token('clerk', [UNIT], 'receipt-api-clerk');
    context = await newDesk(browser);
    page = await context.newPage();
    await signInAs(page, web.url, username);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
  });

  it('receives a dossier with the keyboard alone: diacritics-free search, the due date shown before saving is the one saved', async () => {
    await openReceipt();
    await expectAccessible(page, 'receipt (empty)');
    expect(await focusedName(page)).toBe('procedureCode'); // the procedure field has the focus when the form opens

    const preview = await chooseProcedure(page, 'dang ky doanh nghiep tu nhan', 'T-DKDN-02');
    expect(await page.getByTestId('time-limit').textContent()).toBe('3 ngày làm việc');
    expect(preview).toMatch(/^Thứ (Hai|Ba|Tư|Năm|Sáu), ngày \d{2}\/\d{2}\/\d{4}$/);

    await tabTo(page, 'channel');
    await page.keyboard.press('ArrowRight'); // online
    await page.keyboard.press('ArrowLeft'); // back to the counter
    expect(await page.locator('input[name="channel"]:checked').getAttribute('value')).toBe('counter');

    await tabTo(page, 'applicant.idDocument.number');
    await page.keyboard.type(CCCD);
    await page.keyboard.press('Tab'); // leaving a 12-digit CCCD looks the applicant up
    await page.getByText('Chưa có thông tin công dân này; vui lòng nhập.').waitFor();
    await tabTo(page, 'applicant.fullName');
    await page.keyboard.type('Nguyễn Thị Mai');
    await tabTo(page, 'applicant.phone');
    await page.keyboard.type('0912 345 678');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mai.nguyen@example.vn');
    await tabTo(page, 'applicant.address.province');
    await page.keyboard.type('Thành phố Huế');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Phường Phú Hội');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12 Lê Lợi');
    await screenshot(page, 'receipt');
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' });
    await heading.waitFor();
    expect(await focusedAs(page, 'id')).toBe('receipt-saved-title');
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(code).toMatch(/^000\.00\.01\.H57-\d{6}-\d{4}$/);
    expect(await page.getByTestId('saved-due-date').textContent()).toBe(preview);

    const dossier = await apiGet<{ id: string; dueDate: string; procedureCode: string; channel: string }>(
      `/api/v1/dossiers?code=${encodeURIComponent(code)}`,
    );
    expect(dossier).toMatchObject({ procedureCode: 'T-DKDN-02', channel: 'counter' });
    expect(preview).toContain(shownDate(dossier.dueDate));
    expect(await page.getByRole('link', { name: 'In giấy tiếp nhận (Mẫu 01)' }).getAttribute('href')).toBe(
      `/dossiers/${dossier.id}/print/01`,
    );
    expect(await page.getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href')).toBe(`/dossiers/${dossier.id}`);
    await expectAccessible(page, 'receipt (saved)');
    await screenshot(page, 'receipt-saved');

    // the next citizen: a new form, the focus back on the procedure
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedAs(page, 'text')).toBe('Tiếp nhận hồ sơ mới');
    await page.keyboard.press('Enter');
    await page.locator('input[name="procedureCode"]').waitFor();
    expect(await focusedName(page)).toBe('procedureCode');
    expect(await page.locator('input[name="procedureCode"]').inputValue()).toBe('');
  });

  it('prefills a returning applicant from their ID number, and says when the number is unknown', async () => {
    await openReceipt();
    await tabTo(page, 'applicant.idDocument.number');
    await page.keyboard.type(CCCD);
    await page.keyboard.press('Tab');
    await page.getByText('Đã điền thông tin của công dân đã nộp hồ sơ trước đây').waitFor();
    expect(await page.locator('input[name="applicant.fullName"]').inputValue()).toBe('Nguyễn Thị Mai');
    expect(await page.locator('input[name="applicant.phone"]').inputValue()).toBe('0912345678');
    expect(await page.locator('input[name="applicant.address.street"]').inputValue()).toBe('12 Lê Lợi');

    await page.locator('input[name="applicant.idDocument.number"]').fill('046190009999');
    await page.getByRole('button', { name: 'Tìm' }).press('Enter');
    await page.getByText('Chưa có thông tin công dân này; vui lòng nhập.').waitFor();
  });

  it('marks the fields in trouble: the browser’s own checks, then the server’s 400 on its field', async () => {
    await openReceipt();
    await page.locator('input[name="applicant.idDocument.number"]').fill('12345');
    await page.locator('input[name="procedureCode"]').press('Control+Enter'); // Ctrl+Enter saves from any field
    await page.getByText('Hồ sơ chưa lưu được: 3 trường cần sửa.').waitFor();
    expect(await focusedName(page)).toBe('procedureCode');
    expect(await page.locator('#f-applicant-idDocument-number-error').textContent()).toBe(
      'Số CCCD gồm đúng 12 chữ số.',
    );
    await expectAccessible(page, 'receipt (errors)');

    // a rule the browser does not know: the request is changed on its way, the server's answer names the field
    await chooseProcedure(page, 'giay phep lai xe', 'T-GPLX-01');
    await fillApplicant('Trần Văn Bình', '046090004321');
    let posted = 0;
    await page.route('**/api/v1/dossiers', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { applicant: { phone: string } };
      body.applicant.phone = '0123';
      posted += 1;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.locator('input[name="applicant.fullName"]').press('Enter');
    const phoneError = page.locator('#f-applicant-phone-error');
    await phoneError.waitFor();
    expect(await phoneError.textContent()).toMatch(/^Số điện thoại Việt Nam/);
    expect(await focusedName(page)).toBe('applicant.phone');
    expect(await page.locator('input[name="applicant.phone"]').getAttribute('aria-invalid')).toBe('true');
    expect(posted).toBe(1);
    await expectAccessible(page, 'receipt (server errors)');
    await page.unroute('**/api/v1/dossiers');
  });

  it('records one dossier for a double click on «Lưu hồ sơ»', async () => {
    await openReceipt();
    await chooseProcedure(page, 'dang ky thay doi noi dung', 'T-DKDN-03');
    await fillApplicant('Lê Văn Cường', '046095001111');
    let posts = 0;
    page.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/v1/dossiers') && (posts += 1)));
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).dblclick();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(posts).toBe(1);
    expect(sequenceOf(await nextCodeByApi())).toBe(sequenceOf(code) + 1); // no second dossier in between
  });

  it('records one dossier when the answer is lost: «Thử lại» sends the same key and says it was already recorded', async () => {
    await openReceipt();
    await chooseProcedure(page, 'ly lich tu phap', 'T-LLTP-01');
    await fillApplicant('Phạm Thị Dung', '046195002222');
    const keys: string[] = [];
    let first = true;
    await page.route('**/api/v1/dossiers', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!first) return route.continue();
      first = false;
      const answer = await route.fetch(); // the server has recorded it…
      expect(answer.status()).toBe(201);
      await route.abort('connectionreset'); // …and the answer never reaches the desk
    });
    await page.locator('input[name="applicant.phone"]').press('Enter');
    await page.getByText('Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.').waitFor();
    expect(await focusedAs(page, 'text')).toBe('Thử lại');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    await page.getByText('Hồ sơ này đã được ghi nhận trước đó (không ghi trùng)').waitFor();
    await page.unroute('**/api/v1/dossiers');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    const dossier = await apiGet<{ id: string }>(`/api/v1/dossiers?code=${encodeURIComponent(code)}`);
    const history = await apiGet<{ events: { type: string }[] }>(`/api/v1/dossiers/${dossier.id}/history`);
    expect(history.events.map((e) => e.type)).toEqual(['DossierReceived']);
    expect(sequenceOf(await nextCodeByApi())).toBe(sequenceOf(code) + 1);

    // the next citizen gets a new key
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).press('Enter');
    await chooseProcedure(page, 'ly lich tu phap', 'T-LLTP-01');
    await fillApplicant('Phạm Thị Dung', '046195002222');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/dossiers'));
    await page.locator('input[name="applicant.phone"]').press('Enter');
    expect((await sent).headers()['idempotency-key']).not.toBe(keys[0]);
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    expect(await page.getByText('Hồ sơ này đã được ghi nhận trước đó (không ghi trùng)').count()).toBe(0);
  });
  it('refuses a receipt by keyboard: «Từ chối tiếp nhận», the reason in a dialog, then Mẫu 03 with that reason — and no dossier', async () => {
    const before = sequenceOf(await nextCodeByApi());
    await openReceipt();
    // no procedure yet: the refusal needs one, the field says so and takes the focus
    await tabTo(page, { text: 'Từ chối tiếp nhận' });
    await page.keyboard.press('Enter');
    await page.getByText('Chọn thủ tục của hồ sơ bị từ chối tiếp nhận.').waitFor();
    expect(await focusedName(page)).toBe('procedureCode');

    await chooseProcedure(page, 'giay phep lai xe', 'T-GPLX-01');
    await tabTo(page, 'applicant.idDocument.number');
    await page.keyboard.type('046088003333');
    await tabTo(page, 'applicant.fullName');
    await page.keyboard.type('Hồ Văn Khánh');
    await tabTo(page, { text: 'Từ chối tiếp nhận' });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Từ chối tiếp nhận hồ sơ' });
    await dialog.waitFor();
    expect(await focusedName(page)).toBe('reason');
    await page.keyboard.press('Control+Enter'); // without a reason: refused in the dialog
    await dialog.getByText('Nhập lý do từ chối tiếp nhận (in trên Mẫu 03).').waitFor();
    await expectAccessible(page, 'receipt refusal');
    const reason = 'Hồ sơ thiếu giấy khám sức khoẻ theo quy định';
    await page.keyboard.type(reason);
    await screenshot(page, 'receipt-refusal');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/receipt-refusals'));
    await page.keyboard.press('Control+Enter');
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('heading', { level: 1, name: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' }).waitFor();
    expect(page.url()).toMatch(/\/receipt-refusals\/[^/]+\/print$/);
    const sheet = (await page.locator('.print-sheet').textContent()) ?? '';
    expect(sheet).toContain(reason);
    expect(sheet).toContain('Hồ Văn Khánh');
    expect(sheet).toContain('Đổi Giấy phép lái xe do ngành Giao thông vận tải cấp');
    // a refusal is no receipt: no code was issued for it
    expect(sequenceOf(await nextCodeByApi())).toBe(before + 1);

    // Esc closes the dialog without recording anything
    await openReceipt();
    await chooseProcedure(page, 'giay phep lai xe', 'T-GPLX-01');
    await tabTo(page, { text: 'Từ chối tiếp nhận' });
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedAs(page, 'text')).toBe('Từ chối tiếp nhận');
  });
});
