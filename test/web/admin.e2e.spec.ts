import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

const NEW_PASSWORD = 'Quầy số 3 mở cửa lúc bảy giờ';

/** The administration screens driven as an administrator would, with the keyboard where a form is filled. */
describeInBrowser('the desk: administration (accounts and grants, units, procedures, calendar)', () => {
  let web: WebApp;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    const username = await web.account('admin', ['*'], 'admin-web');
    admin = await (await newDesk(browser)).newPage();
    await signInAs(admin, web.url, username);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('creates a clerk whose one-time password works once, must be changed, and whose ended grant leaves no unit', async () => {
    await admin.getByRole('link', { name: 'Quản trị' }).click();
    await admin.getByRole('heading', { name: 'Tài khoản và phân quyền' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin/accounts');
    await admin.getByRole('cell', { name: 'admin-web', exact: true }).waitFor();
    await expectAccessible(admin, 'admin-accounts');
    await screenshot(admin, 'admin-accounts');

    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Tạo tài khoản' });
    await dialog.getByLabel('Tên đăng nhập').fill('lan.nt');
    await dialog.getByLabel('Vai trò').selectOption('clerk');
    await dialog.getByLabel('Đơn vị').selectOption('hue-pvhcc');
    await expectAccessible(admin, 'admin-accounts: new account');
    await dialog.getByLabel('Họ tên hiển thị').fill('Nguyễn Thị Lan');
    await admin.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const shown = admin.locator('.otp');
    await shown.getByText('chỉ hiện một lần, sẽ không hiện lại').waitFor();
    const oneTimePassword = (await shown.locator('.otp-value').textContent())?.trim() ?? '';
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
    await shown.getByRole('button', { name: 'Sao chép' }).waitFor();
    const row = admin.getByRole('row').filter({ hasText: 'lan.nt' });
    expect(await row.textContent()).toContain('Cán bộ tiếp nhận · Trung tâm Phục vụ hành chính công thành phố Huế');
    await admin.getByRole('button', { name: 'Đã ghi lại, ẩn mật khẩu' }).click();
    expect(await admin.locator('.otp-value').count()).toBe(0);

    // the clerk, on another computer: the one-time password, the change it forces, then the desk at their unit
    const clerk = await (await newDesk(browser)).newPage();
    await clerk.goto(web.url);
    await clerk.getByLabel('Tên đăng nhập').fill('lan.nt');
    await clerk.getByLabel('Mật khẩu').fill(oneTimePassword);
    await clerk.keyboard.press('Enter');
    await clerk.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await clerk.getByLabel('Mật khẩu hiện tại').fill(oneTimePassword);
    await clerk.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill(NEW_PASSWORD);
    await clerk.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await clerk.keyboard.press('Enter');
    await clerk.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await clerk.getByLabel('Đơn vị').locator('option[value="hue-pvhcc"]').waitFor({ state: 'attached' });
    expect(await clerk.getByText('chưa được giao đơn vị').count()).toBe(0);

    // the administrator ends the grant today
    await row.getByRole('link', { name: 'lan.nt' }).click();
    await admin.getByRole('heading', { name: /Nguyễn Thị Lan/ }).waitFor();
    const history = admin.getByRole('region', { name: 'Lịch sử tài khoản' });
    await history.getByText('Người dùng đổi mật khẩu').waitFor();
    expect(await history.textContent()).toContain('Cấp quyền Cán bộ tiếp nhận tại Trung tâm Phục vụ hành chính công');
    expect(await history.textContent()).not.toMatch(/Z\b|UTC|RoleGranted/);
    await admin.getByRole('region', { name: 'Phiên đăng nhập đang mở' }).getByRole('button').first().waitFor();
    await expectAccessible(admin, 'admin-account');
    await screenshot(admin, 'admin-account');

    await admin.getByRole('button', { name: /^Kết thúc quyền Cán bộ tiếp nhận/ }).click();
    const end = admin.getByRole('dialog', { name: 'Kết thúc quyền' });
    await expectAccessible(admin, 'admin-account: end a grant');
    await end.getByLabel('Hết hiệu lực từ ngày').press('Enter');
    await end.waitFor({ state: 'detached' });
    await admin.getByRole('status').filter({ hasText: 'Đã kết thúc quyền.' }).waitFor();
    const grants = admin.getByRole('region', { name: 'Quyền theo đơn vị' });
    await grants.getByText('hết hiệu lực', { exact: true }).waitFor();
    await history.getByText(/^Kết thúc quyền Cán bộ tiếp nhận tại .* từ ngày \d\d\/\d\d\/\d{4}$/).waitFor();

    // the clerk's next load: no unit any more
    await clerk.reload();
    await clerk.getByRole('alert').filter({ hasText: 'Tài khoản chưa được giao đơn vị nào' }).waitFor();
    expect(await clerk.getByLabel('Đơn vị').locator('option').count()).toBe(0);
    await clerk.context().close();
  });

  it("shows the API's refusal: an administrator may not disable their own account", async () => {
    await admin.goto(`${web.url}/admin/accounts/admin-web`);
    await admin.getByRole('button', { name: 'Khoá tài khoản' }).click();
    const dialog = admin.getByRole('dialog', { name: /Khoá tài khoản/ });
    await dialog.getByLabel('Lý do').fill('Thử tự khoá');
    await admin.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Không thể tự khoá tài khoản của mình' }).waitFor();
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await admin.getByRole('button', { name: 'Khoá tài khoản' }).waitFor();
  });

  it('adds one procedure through the form (an empty name refused on its field) and finds it in the list', async () => {
    await admin.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Thủ tục' }).click();
    await admin.getByRole('heading', { name: 'Thủ tục hành chính' }).waitFor();
    const version = Number((await admin.getByText(/^Phiên bản danh mục: \d+$/).textContent())?.match(/\d+/)?.[0]);
    expect(await admin.getByRole('cell', { name: 'T-THU-NGHIEM', exact: true }).count()).toBe(0);
    await expectAccessible(admin, 'admin-procedures');

    await admin.getByRole('button', { name: 'Thêm thủ tục' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Thêm thủ tục' });
    await dialog.getByLabel('Mã thủ tục').fill('T-THU-NGHIEM');
    await dialog.getByLabel('Cấp giải quyết').fill('district');
    await dialog.getByLabel('Lĩnh vực').fill('Hộ tịch');
    await dialog.getByLabel('Thời hạn giải quyết').fill('5');
    await dialog.getByLabel('Thời hạn giải quyết').press('Enter');
    const name = dialog.getByLabel('Tên thủ tục');
    await dialog.getByRole('alert').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const described = await name.getAttribute('aria-describedby');
    expect(await admin.locator(`[id="${described}"]`).textContent()).toBe('Bắt buộc, đang để trống.');
    await expectAccessible(admin, 'admin-procedures: field error');

    await name.fill('Cấp bản sao trích lục hộ tịch (thử nghiệm)');
    await name.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await admin
      .getByRole('status')
      .filter({ hasText: `Đã thêm thủ tục T-THU-NGHIEM. Phiên bản danh mục: ${version + 1}.` })
      .waitFor();
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: 'T-THU-NGHIEM', exact: true }) });
    expect(await row.textContent()).toContain('Cấp bản sao trích lục hộ tịch (thử nghiệm)');
    expect(await row.textContent()).toContain('5 ngày làm việc');
    expect(await row.textContent()).toContain('đang hiệu lực');
    await screenshot(admin, 'admin-procedures');
  });

  it('lists units and calendar years with their validity, accessible', async () => {
    await admin.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Đơn vị' }).click();
    await admin.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
    await admin.getByRole('cell', { name: 'hue-pvhcc', exact: true }).waitFor();
    expect(await admin.getByRole('cell', { name: 'tth-pvhcc', exact: true }).count()).toBe(0);
    await admin.getByLabel('Hiện cả các mục đã hết hiệu lực').check();
    const ended = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: 'tth-pvhcc', exact: true }) });
    expect(await ended.textContent()).toContain('hết hiệu lực');
    await expectAccessible(admin, 'admin-units');

    await admin.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Lịch làm việc' }).click();
    await admin.getByRole('heading', { name: 'Lịch làm việc theo năm' }).waitFor();
    await admin.getByRole('cell', { name: '2026 năm nay' }).waitFor();
    await expectAccessible(admin, 'admin-calendar');
  });
});
