import type { Browser } from 'playwright-core';
import { describeInBrowser, expectAccessible, launchBrowser, newDesk, screenshot } from './support/browser';
import { signInAs, startWebApp, type WebApp } from './support/web-app';

describeInBrowser('the desk: served at /, sign-in, unit switch', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('serves the sign-in screen at /, accessible, and refuses a wrong password in Vietnamese', async () => {
    const context = await newDesk(browser);
    const page = await context.newPage();
    const response = await page.goto(web.url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Tiếp nhận');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Tên đăng nhập').fill('khong-co-ai');
    await page.getByLabel('Mật khẩu').fill('sai mật khẩu rồi');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/[ăâđêôơư]/i);
    await context.close();
  });

  it('signs a clerk of two units in, lets them switch unit, and signs out', async () => {
    const username = await web.account('clerk', ['hue-pvhcc', 'hue'], 'clerk-two-units');
    const context = await newDesk(browser);
    const page = await context.newPage();
    await signInAs(page, web.url, username);
    const unit = page.getByLabel('Đơn vị');
    // the units arrive just after the desk appears: wait for the second one before counting
    await unit.locator('option').nth(1).waitFor({ state: 'attached' });
    expect(await unit.locator('option').count()).toBe(2);
    const second = await unit.locator('option').nth(1).getAttribute('value');
    await unit.selectOption({ index: 1 });
    await page.reload();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.getByLabel('Đơn vị').locator('option').nth(1).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Đơn vị').inputValue()).toBe(second);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await context.close();
  });
});
