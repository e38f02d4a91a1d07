import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, or null when this machine has none (the browser tests are then skipped, loudly — but never in CI). */
export function chromiumPath(): string | null {
  const found = CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
  if (!found && process.env.CI === 'true')
    throw new Error('CI=true but no Chromium: apt-get install chromium (or set CHROMIUM_PATH)');
  return found;
}

/** `describe` when Chromium is here, else `describe.skip` with a visible message. */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath()) return describe(name, body);
  console.warn(`⚠ SKIPPED browser tests "${name}": no Chromium on this machine (apt-get install chromium)`);
  describe.skip(name, body);
}

let built = false;
/** The web bundle as `npm start` would serve it (built when missing or stale). */
export function ensureWebBundle(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'web-bundle.cjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the web bundle did not build');
  built = true;
}

/**
 * Chromium in Vietnamese, as on a counter's computer: its own widgets follow the browser's language, not the page's
 * (an <input type=date> reads dd/mm/yyyy only when the browser speaks Vietnamese; in English it is mm/dd/yyyy).
 */
export async function launchBrowser(): Promise<Browser> {
  const executable = chromiumPath();
  // Debian's /usr/bin/chromium is a script starting /usr/lib/chromium/chromium, whose locales/ lists its languages
  const locales = [path.join(path.dirname(fs.realpathSync(executable ?? '/')), 'locales'), '/usr/lib/chromium/locales']
    .filter((dir) => fs.existsSync(dir))
    .at(0);
  if (locales && !fs.existsSync(path.join(locales, 'vi.pak')))
    throw new Error(`Chromium has no Vietnamese (no ${locales}/vi.pak): apt-get install chromium-l10n`);
  return chromium.launch({
    executablePath: executable ?? undefined,
    headless: true,
    env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' },
    args: [
      '--lang=vi',
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}

/** A fresh browser context as a counter's screen: 1366×768, Vietnamese, the centre's time zone. */
export async function newDesk(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

/** Asserts axe-core finds no serious or critical violation on the page as it stands. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = bad.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect({ screen, violations: described }).toEqual({ screen, violations: [] });
}

/**
 * Saves a screenshot of the screen for the README (docs/screenshots/<name>.png) when SCREENSHOTS=1
 * (`npm run screenshots`); ordinary test runs leave the checkout untouched.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const dir = path.join(ROOT, 'docs', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  // from the top of the screen, its title and the desk's header in view (typing into a low field scrolls it away)
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
