import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { type DeskApi, deskApi, formDate, pdfText } from './support/desk';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

const UNIT = 'tth-pvhcc';
const OTHER_UNIT = 'tth-hcc-hue';
const ROOT = path.resolve(__dirname, '..', '..');

const MAI = {
  kind: 'citizen',
  fullName: 'Nguyễn Thị Mai',
  idDocument: { kind: 'cccd', number: '046190001234' },
  dateOfBirth: '1990-05-17',
  phone: '+84 912 345 678',
  email: 'mai.nguyen@example.vn',
  address: { province: 'Thừa Thiên Huế', locality: 'Phường Phú Hội, Thành phố Huế', street: '12 Lê Lợi' },
  returnByPost: {
    deliveryAddress: { province: 'Thừa Thiên Huế', locality: 'Phường Vĩnh Ninh, Thành phố Huế', street: '5 Hà Nội' },
  },
};
const HUNG = {
  kind: 'citizen',
  fullName: 'Trần Văn Hùng',
  idDocument: { kind: 'cccd', number: '046085009876' },
  phone: '0905 111 222',
  address: { province: 'Thừa Thiên Huế', locality: 'Phường An Cựu, Thành phố Huế', street: '30 Hùng Vương' },
};

interface View {
  id: string;
  code: string;
  version: number;
  dueDate: string | null;
  applicant?: { applicantId: string };
}

describeInBrowser('the printed forms (Mẫu 01–05 of Circular 01/2018/TT-VPCP) as A4 PDF', () => {
  let web: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let clerkApi: DeskApi;
  let adminApi: DeskApi;
  /** The PDFs and their first pages as PNG (60 dpi); kept for a look with PRINT_KEEP=1. */
  let OUT: string;

  beforeAll(async () => {
    OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'print-e2e-'));
    web = await startWebApp();
    browser = await launchBrowser();
    const clerk = await web.account('clerk', [UNIT], 'print-clerk');
    clerkApi = deskApi(web, await web.testApp.token('clerk', [UNIT], 'print-clerk'));
    adminApi = deskApi(web, await web.testApp.token('admin'));
    context = await newDesk(browser);
    page = await context.newPage();
    await signInAs(page, web.url, clerk);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
    if (process.env.PRINT_KEEP === '1') console.log(`the printed forms: ${OUT}`);
    else fs.rmSync(OUT, { recursive: true, force: true });
  });

  let current: View;
  const step = async (action: string, body: object): Promise<View> => {
    current = await adminApi.post<View>(`/api/v1/dossiers/${current.id}/${action}`, body, current.version);
    return current;
  };

  /** Opens the form, checks its screen view (axe, screenshot), prints it to PDF, returns the PDF's text. */
  async function printForm(url: string, name: string, title: string): Promise<{ text: string; pages: number }> {
    await page.goto(`${web.url}${url}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'In (Ctrl+P)' }).waitFor();
    expect(await page.locator('.app-header').count()).toBe(0); // none of the desk's chrome
    await expectAccessible(page, name);
    await screenshot(page, name);
    const file = path.join(OUT, `${name}.pdf`);
    await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(OUT, name)]);
    const printed = pdfText(file);
    expect(printed.text).not.toContain('In (Ctrl+P)'); // the buttons stay on screen
    expect(printed.text).not.toContain('Quay lại');
    return printed;
  }

  it('Mẫu 01: the receipt slip carries the code, its QR code, the applicant, the received time and the due date', async () => {
    current = await clerkApi.post<View>('/api/v1/dossiers', {
      procedureCode: 'H-HKD-01',
      receivingUnitId: UNIT,
      channel: 'counter',
      receivedAt: '2020-09-01T07:05:00Z',
      applicant: MAI,
    });
    expect(current.dueDate).toMatch(/^2020-09-\d\d$/);
    await page.goto(`${web.url}/dossiers/${current.id}/print/01`);
    const qr = page.getByRole('img', { name: `Mã QR của mã hồ sơ ${current.code}` });
    await qr.waitFor();
    const loaded = await qr.evaluate((element) => {
      const img = element as unknown as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth > 0;
    });
    expect(loaded).toBe(true);
    const { text, pages } = await printForm(
      `/dossiers/${current.id}/print/01`,
      'form-01',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    );
    expect(pages).toBe(1);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
    expect(text).toContain(`Mã hồ sơ: ${current.code}`);
    expect(text).toContain('Nguyễn Thị Mai');
    expect(text).toContain('12 Lê Lợi, Phường Phú Hội, Thành phố Huế, Thừa Thiên Huế');
    expect(text).toContain('mai.nguyen@example.vn');
    expect(text).toContain('Thời gian nhận hồ sơ: 14 giờ 05 phút, ngày 01 tháng 9 năm 2020');
    expect(text).toContain(`Thời gian trả kết quả giải quyết hồ sơ: …… giờ …… phút, ${formDate(current.dueDate!)}`);
    expect(text).toContain('Thời gian giải quyết hồ sơ theo quy định là: 03 ngày làm việc');
    expect(text).toContain('qua dịch vụ bưu chính công ích, địa chỉ: 5 Hà Nội, Phường Vĩnh Ninh');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('print-clerk'); // the receiving clerk's display name, from the receipt's history entry
    expect(text).not.toMatch(/UTC|Z\b|T07:05/);
    if (process.env.SCREENSHOTS === '1')
      fs.copyFileSync(path.join(OUT, 'form-01.png'), path.join(ROOT, 'docs', 'screenshots', 'form-01-pdf.png'));
  });

  it('Mẫu 02: the last supplement request, its reason and documents', async () => {
    await step('transfer', {
      toUnitId: OTHER_UNIT,
      stepDueDate: '2020-09-03',
      reason: 'Chuyển thẩm định',
      at: '2020-09-01T09:00:00Z',
    });
    await step('request-supplement', {
      reason: 'Bản sao chưa chứng thực',
      documents: ['Bản sao chứng thực CCCD của chủ hộ', 'Hợp đồng thuê địa điểm kinh doanh'],
      at: '2020-09-02T02:30:00Z',
    });
    const { text } = await printForm(
      `/dossiers/${current.id}/print/02`,
      'form-02',
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    );
    expect(text).toContain(`Mã hồ sơ: ${current.code}`);
    expect(text).toContain('Nguyễn Thị Mai');
    expect(text).toContain('Bản sao chứng thực CCCD của chủ hộ');
    expect(text).toContain('Hợp đồng thuê địa điểm kinh doanh');
    expect(text).toContain('Lý do: Bản sao chưa chứng thực');
    expect(text).toContain('Thời gian yêu cầu bổ sung: 09 giờ 30 phút, ngày 02 tháng 9 năm 2020');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('Mẫu 04: the apology, with the appointment it replaces and the new one', async () => {
    await step('receive-supplement', { at: '2020-09-03T02:00:00Z' });
    const oldDue = current.dueDate!;
    const [y, m, d] = oldDue.split('-').map(Number) as [number, number, number];
    const newDate = new Date(Date.UTC(y, m - 1, d + 7)).toISOString().slice(0, 10); // same weekday, a week later
    await step('reschedule', {
      newAppointmentDate: newDate,
      reason: 'Cần xác minh thực địa',
      at: '2020-09-04T01:00:00Z',
    });
    const { text } = await printForm(
      `/dossiers/${current.id}/print/04`,
      'form-04',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    );
    expect(text).toContain('Kính gửi: Nguyễn Thị Mai');
    expect(text).toContain(current.code);
    expect(text).toContain(`Thời hẹn trả kết quả giải quyết hồ sơ: ${formDate(oldDue)}`);
    expect(text).toContain('do: Cần xác minh thực địa');
    expect(text).toContain(formDate(newDate));
    expect(text).toContain('Ngày 01 tháng 9 năm 2020');
  });

  it('Mẫu 05: the control slip lists every step with units, times, due dates and how each ended', async () => {
    await step('transfer', { toUnitId: UNIT, reason: 'Trả kết quả về Bộ phận Một cửa', at: '2020-09-07T03:00:00Z' });
    await step('record-result', { outcome: 'approved', at: '2020-09-08T03:00:00Z' });
    await step('return-result', { via: 'postal', at: '2020-09-09T03:00:00Z' });
    const { text } = await printForm(
      `/dossiers/${current.id}/print/05`,
      'form-05',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    );
    expect(text).toContain(`Mã hồ sơ: ${current.code}`);
    const rows = await page.locator('.form-table tbody tr').allTextContents();
    expect(rows.map((r) => r.normalize('NFC'))).toEqual([
      expect.stringContaining('Tiếp nhận hồ sơ'),
      expect.stringMatching(
        /Giao, nhận hồ sơ.*Giao: Trung tâm Phục vụ hành chính công tỉnh.*Nhận: Trung tâm Hành chính công Thành phố Huế.*16:00 01\/9\/2020.*03\/9\/2020.*Quá hạn.*Chuyển thẩm định/,
      ),
      expect.stringContaining('Yêu cầu bổ sung, hoàn thiện hồ sơ'),
      expect.stringContaining('Nhận hồ sơ bổ sung'),
      expect.stringContaining('Xin lỗi và hẹn lại ngày trả kết quả'),
      expect.stringContaining('Giao, nhận hồ sơ'),
      expect.stringMatching(/Có kết quả giải quyết/),
      expect.stringContaining('qua dịch vụ bưu chính công ích'),
    ]);
    expect(text).toContain('THỜI GIAN GIAO, NHẬN HỒ SƠ');
    expect(text).toContain('Trung tâm Hành chính công Thành phố Huế');
  });

  it('Mẫu 03 after appraisal (a refused result), with an erased applicant', async () => {
    current = await clerkApi.post<View>('/api/v1/dossiers', {
      procedureCode: 'H-HKD-01',
      receivingUnitId: UNIT,
      channel: 'counter',
      receivedAt: '2020-09-01T08:00:00Z',
      applicant: HUNG,
    });
    await step('record-result', {
      outcome: 'refused',
      reason: 'Ngành nghề kinh doanh bị cấm',
      at: '2020-09-02T08:00:00Z',
    });
    await adminApi.post(`/api/v1/applicants/${current.applicant!.applicantId}/erasure`, {
      legalBasis: 'Điều 16 Nghị định 13/2023/NĐ-CP',
      reason: 'Yêu cầu xoá dữ liệu của chủ thể dữ liệu',
    });
    const { text } = await printForm(
      `/dossiers/${current.id}/print/03`,
      'form-03-result',
      'PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ',
    );
    expect(text).toContain(current.code);
    expect(text).toContain('Ngành nghề kinh doanh bị cấm');
    expect(text).toContain('[đã xoá theo yêu cầu]');
    expect(text).not.toContain('Trần Văn Hùng');
  });

  it('Mẫu 03 at receipt: printed from the refusal the receipt screen kept', async () => {
    const refusal = await clerkApi.post<{ id: string }>('/api/v1/receipt-refusals', {
      procedureCode: 'H-HKD-01',
      receivingUnitId: UNIT,
      channel: 'counter',
      reason: 'Thủ tục không thuộc thẩm quyền của đơn vị',
      refusedAt: '2020-09-01T03:15:00Z',
    });
    // what the receipt screen does with the answer (keepRefusalForPrint in apps/web/src/print/refusal-slip.ts)
    await page.evaluate(
      (slip) =>
        (
          globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } }
        ).sessionStorage.setItem(`dossier-desk.refusal.${slip.refusal.id}`, JSON.stringify(slip)),
      { refusal, applicant: HUNG, clerkName: 'Tài khoản thử print-clerk' },
    );
    const { text, pages } = await printForm(
      `/receipt-refusals/${refusal.id}/print`,
      'form-03',
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    );
    expect(pages).toBe(1);
    expect(text).toContain('Trần Văn Hùng');
    expect(text).toContain('Thủ tục không thuộc thẩm quyền của đơn vị');
    expect(text).toContain('10 giờ 15 phút, ngày 01 tháng 9 năm 2020');
    expect(text).toContain('Thừa Thiên Huế, ngày 01 tháng 9 năm 2020');
  });

  it('the dossier page links to the forms that apply, and back', async () => {
    await page.goto(`${web.url}/dossiers/${current.id}`);
    const links = page.getByRole('navigation', { name: 'In biểu mẫu' }).getByRole('link');
    await links.first().waitFor();
    expect(await links.allTextContents()).toEqual([
      'Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'Mẫu 03: Phiếu từ chối giải quyết hồ sơ',
      'Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ',
    ]);
    await links.first().click();
    await page.getByRole('heading', { level: 1, name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' }).waitFor();
    await page.getByRole('button', { name: 'Quay lại hồ sơ' }).click();
    await page.waitForURL(`${web.url}/dossiers/${current.id}`);
    await links.first().waitFor();
  });

  it('says in Vietnamese when a form does not exist or does not apply', async () => {
    await page.goto(`${web.url}/dossiers/${current.id}/print/09`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Không có biểu mẫu số');
    await page.goto(`${web.url}/dossiers/${current.id}/print/04`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('chưa được hẹn lại');
    await page.getByRole('button', { name: 'Quay lại hồ sơ' }).click();
    await page.waitForURL(`${web.url}/dossiers/${current.id}`);
  });
});
