import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { type DeskApi, deskApi, done, expectStatus, openForm } from './support/desk';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

interface Dossier {
  id: string;
  code: string;
  version: number;
  status: string;
  allowedActions: string[];
}

const UNIT = 'hue-pvhcc';

describeInBrowser(
  'the dossier page: header, timeline, only the allowed actions, each through its form by keyboard',
  () => {
    let web: WebApp;
    let browser: Browser;
    let clerk: string;
    let api: DeskApi;
    let labels: Map<string, string>;

    beforeAll(async () => {
      web = await startWebApp();
      browser = await launchBrowser();
      clerk = await web.account('clerk', [UNIT], 'clerk-dossier');
      api = deskApi(web, await web.testApp.token('clerk', [UNIT], 'clerk-dossier'));
      const catalogue = await api.get<{ key: string; label: string }[]>('/api/v1/dossier-actions');
      labels = new Map(catalogue.map((a) => [a.key, a.label]));
    });
    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    /** The buttons shown are exactly the labels of the dossier's allowedActions as the API gives them now. */
    async function expectOnlyAllowedActions(page: Page, id: string, status: string): Promise<void> {
      await expectStatus(page, status);
      const view = await api.get<Dossier>(`/api/v1/dossiers/${id}`);
      const expected = view.allowedActions.map((key) => labels.get(key)).sort();
      // (expressions as strings: the tests compile without the DOM's types)
      await page.waitForFunction(
        `JSON.stringify([...document.querySelectorAll('.action-buttons button')].map((b) => b.textContent).sort()) === ${JSON.stringify(JSON.stringify(expected))}`,
        undefined,
        { timeout: 5000 },
      );
    }

    it('goes transfer → supplement requested → received → result → handed back by keyboard, refuses a past appointment in Vietnamese, and reloads a dossier changed meanwhile', async () => {
      const dossier = await api.post<Dossier>('/api/v1/dossiers', {
        procedureCode: 'T-DKDN-01',
        receivingUnitId: UNIT,
        channel: 'counter',
        applicant: {
          kind: 'citizen',
          fullName: 'Võ Thị Ngọc Ánh',
          idDocument: { kind: 'cccd', number: '046190007777' },
          phone: '0905123456',
        },
      });
      const desk = await newDesk(browser);
      const page = await desk.newPage();
      await signInAs(page, web.url, clerk);
      await page.goto(`${web.url}/dossiers/${dossier.id}`);
      await page.getByRole('heading', { name: `Hồ sơ ${dossier.code}` }).waitFor();
      expect(await page.locator('.dossier-header').textContent()).toContain('Võ Thị Ngọc Ánh');
      await page
        .locator('.dossier-header')
        .getByText(/còn \d+ ngày làm việc/)
        .waitFor();
      await expectOnlyAllowedActions(page, dossier.id, 'Đang giải quyết');

      // transfer to the city's People's Committee
      const transfer = await openForm(page, labels.get('transfer')!);
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('action-field-toUnitId');
      await page.keyboard.press('ArrowDown');
      expect(await transfer.getByLabel('Chuyển đến đơn vị').inputValue()).toBe('hue');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Chuyển UBND thành phố thẩm định');
      await page.keyboard.press('Control+Enter');
      await done(page, labels.get('transfer')!);
      await page.locator('.dossier-header').getByText('Ủy ban nhân dân thành phố Huế').first().waitFor();
      await expectOnlyAllowedActions(page, dossier.id, 'Đang giải quyết');

      // request a supplement: reason and documents
      await openForm(page, labels.get('requestSupplement')!);
      await page.keyboard.type('Thiếu bản sao điều lệ công ty');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Bản sao điều lệ\nDanh sách thành viên');
      await page.keyboard.press('Control+Enter');
      await done(page, labels.get('requestSupplement')!);
      await expectOnlyAllowedActions(page, dossier.id, 'Chờ bổ sung hồ sơ');
      await page.getByRole('link', { name: /Mẫu 02/ }).waitFor();

      // the supplement arrives: the form is a confirmation, its button has the focus
      await openForm(page, labels.get('receiveSupplement')!);
      await page.keyboard.press('Enter');
      await done(page, labels.get('receiveSupplement')!);
      await expectOnlyAllowedActions(page, dossier.id, 'Đang giải quyết');
      const timeline = page.locator('.timeline');
      await timeline.getByText('Tiếp nhận hồ sơ bổ sung').waitFor();
      expect(await timeline.textContent()).toContain('Bản sao điều lệ; Danh sách thành viên');
      await expectAccessible(page, 'dossier');
      await screenshot(page, 'dossier');

      // a new appointment in the past: the domain's Vietnamese refusal, in the form
      const reschedule = await openForm(page, labels.get('reschedule')!);
      await page.keyboard.type('02012026'); // dd/mm/yyyy, as a Vietnamese browser shows the date
      expect(await reschedule.getByLabel('Ngày hẹn trả mới').inputValue()).toBe('2026-01-02');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Cần thêm thời gian thẩm định');
      await page.keyboard.press('Control+Enter');
      const refusal = reschedule.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/Ngày hẹn trả mới|ngày hẹn/);
      expect(await refusal.textContent()).toMatch(/[ăâđêôơư]/);
      await expectAccessible(page, 'dossier-action');
      await screenshot(page, 'dossier-action');
      await page.keyboard.press('Escape');
      await reschedule.waitFor({ state: 'detached' });

      // the dossier changes while the result form is open: 412, the form says so, the dossier reloads, a resend records
      const result = await openForm(page, labels.get('recordResult')!);
      const before = await api.get<Dossier>(`/api/v1/dossiers/${dossier.id}`);
      await api.post(`/api/v1/dossiers/${dossier.id}/transfer`, { toUnitId: UNIT }, before.version);
      await page.keyboard.press('Space');
      expect(await result.getByLabel('Giải quyết (chấp thuận)').isChecked()).toBe(true);
      await page.keyboard.press('Control+Enter');
      await result.getByRole('alert').filter({ hasText: 'người khác cập nhật' }).waitFor();
      await page
        .locator('.dossier-header')
        .getByText('Trung tâm Phục vụ hành chính công thành phố Huế')
        .nth(1)
        .waitFor();
      // the form is ready again once the dossier has been reloaded (its button no longer busy)
      await page.waitForFunction("document.querySelector('.action-dialog button[type=submit]')?.disabled === false");
      await page.keyboard.press('Control+Enter');
      await done(page, labels.get('recordResult')!);
      await expectOnlyAllowedActions(page, dossier.id, 'Đã có kết quả');

      // hand the result back at the counter
      const handBack = await openForm(page, labels.get('returnResult')!);
      expect(await handBack.getByLabel('Trực tiếp tại Bộ phận Một cửa').isChecked()).toBe(true);
      await page.keyboard.press('Control+Enter');
      await done(page, labels.get('returnResult')!);
      await expectOnlyAllowedActions(page, dossier.id, 'Đã trả kết quả');
      await page.getByText('Không có thao tác nào được phép').waitFor();

      const events = await timeline.locator('h3').allTextContents();
      expect(events).toEqual([
        'Tiếp nhận hồ sơ',
        'Chuyển xử lý',
        'Yêu cầu bổ sung, hoàn thiện hồ sơ',
        'Tiếp nhận hồ sơ bổ sung',
        'Chuyển xử lý',
        'Có kết quả giải quyết',
        'Trả kết quả',
      ]);
      const text = (await timeline.textContent()) ?? '';
      expect(text).toContain('Ủy ban nhân dân thành phố Huế');
      expect(text).toContain('Cán bộ tiếp nhận');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z\b|UTC/);
      await desk.close();
    });

    it('updates an open dossier within a second when someone else changes it', async () => {
      const dossier = await api.post<Dossier>('/api/v1/dossiers', {
        procedureCode: 'T-DKDN-01',
        receivingUnitId: UNIT,
        channel: 'online',
      });
      const desk = await newDesk(browser);
      const page = await desk.newPage();
      await signInAs(page, web.url, clerk);
      await page.goto(`${web.url}/dossiers/${dossier.id}`);
      await page.getByRole('heading', { name: `Hồ sơ ${dossier.code}` }).waitFor();
      await page.getByText('Cập nhật trực tiếp').waitFor();
      await api.post(`/api/v1/dossiers/${dossier.id}/request-supplement`, { reason: 'Thiếu tờ khai' }, 1);
      const answered = Date.now();
      await expectStatus(page, 'Chờ bổ sung hồ sơ');
      const elapsed = Date.now() - answered;
      console.log(`dossier page: the change showed ${elapsed} ms after the command's answer`);
      await page.locator('.timeline').getByText('Thiếu tờ khai').waitFor();
      expect(elapsed).toBeLessThan(1000);
      await desk.close();
    });
  },
);
