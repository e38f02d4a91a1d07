import type { Page } from 'playwright-core';
import type { Role } from '@app/domain';
import { freePort } from '@app/platform';
import { TEST_PASSWORD } from '@app/accounts/testing';
import { createTestApp, type TestApp } from '../../support/test-app';
import { ensureWebBundle } from './browser';

/** The standalone app on a fresh database, listening on loopback and serving the web bundle, for a browser. */
export interface WebApp {
  url: string;
  testApp: TestApp;
  /** The account exists with the role for the units; returns its username (its password is TEST_PASSWORD). */
  account(role: Role, units: string[], username?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  ensureWebBundle();
  const testApp = await createTestApp(env);
  const port = await freePort();
  await testApp.app.listen(port, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    testApp,
    account: async (role, units, username) => {
      await testApp.token(role, units, username);
      return (username ?? '').length > 0 ? normalised(username as string) : defaultName(role, units);
    },
    close: () => testApp.close(),
  };
}

const normalised = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .padEnd(3, '-')
    .slice(0, 64);

const defaultName = (role: Role, units: string[]): string =>
  `${role}-${units.map((u) => (u === '*' ? 'all' : u)).join('-') || 'none'}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .slice(0, 64);

/** Signs in through the sign-in screen with the keyboard, and waits for the desk. */
export async function signInAs(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}
