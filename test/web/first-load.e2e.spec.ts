import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD } from '@app/accounts/testing';
import { describeInBrowser, launchBrowser, newDesk } from './support/browser';
import { startWebApp, type WebApp } from './support/web-app';

const JS_BUDGET_GZIP = 250 * 1024;
const INTERACTIVE_BUDGET_MS = 1500;

/** The JavaScript the page fetched while loading: every script's bytes as gzip would send them. */
function collectScripts(page: Page): () => Promise<{ files: number; raw: number; gzip: number }> {
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  return async () => {
    const all = await Promise.all(bodies);
    return {
      files: all.length,
      raw: all.reduce((n, b) => n + b.length, 0),
      gzip: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    };
  };
}

describeInBrowser('the first load: small and quick', () => {
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

  it('sends at most 250 KB of gzip JavaScript for the sign-in screen, interactive within 1.5 s', async () => {
    const context = await newDesk(browser);
    const page = await context.newPage();
    const scripts = collectScripts(page);
    await page.goto(web.url);
    await page.getByLabel('Tên đăng nhập').waitFor();
    const interactiveMs = await page.evaluate(() => performance.now());
    const js = await scripts();
    console.log(
      `first load, sign-in screen: interactive at ${interactiveMs.toFixed(0)} ms; ` +
        `JavaScript ${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw, ${(js.gzip / 1024).toFixed(1)} KB gzip`,
    );
    expect(js.gzip).toBeLessThanOrEqual(JS_BUDGET_GZIP);
    expect(interactiveMs).toBeLessThanOrEqual(INTERACTIVE_BUDGET_MS);
    await context.close();
  });

  it("shows a signed-in clerk's first screen (the queue) interactive within 1.5 s", async () => {
    const username = await web.account('clerk', ['hue-pvhcc'], 'clerk-first-load');
    const context = await newDesk(browser);
    const signIn = await context.request.post(`${web.url}/api/v1/session`, {
      data: { username, password: TEST_PASSWORD },
    });
    expect(signIn.status()).toBe(201);
    const page = await context.newPage();
    // warm nothing: a new page, the session cookie only
    const scripts = collectScripts(page);
    await page.goto(web.url);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const interactiveMs = await page.evaluate(() => performance.now());
    const js = await scripts();
    console.log(
      `first load, signed in, the queue: interactive at ${interactiveMs.toFixed(0)} ms; ` +
        `JavaScript ${js.files} files, ${(js.gzip / 1024).toFixed(1)} KB gzip`,
    );
    expect(js.gzip).toBeLessThanOrEqual(JS_BUDGET_GZIP);
    expect(interactiveMs).toBeLessThanOrEqual(INTERACTIVE_BUDGET_MS);
    await context.close();
  });
});
