/**
 * What the browser tests do at the desk, written once: moving the focus with the keyboard, choosing a procedure,
 * opening an action's form and waiting for it to be recorded, the API as another client, a printed PDF's text.
 * (Expressions run in the page are strings: the tests compile without the DOM's types.)
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { WebApp } from './web-app';

/** The focused element's name attribute, id or text. */
export const focusedAs = (page: Page, what: 'name' | 'id' | 'text'): Promise<string> =>
  page.evaluate(
    `(() => { const e = document.activeElement; if (!e) return ''; ` +
      `return ${what === 'text' ? 'e.textContent' : `e.getAttribute('${what}')`} ?? ''; })()`,
  );
export const focusedName = (page: Page): Promise<string> => focusedAs(page, 'name');

/**
 * Presses Tab (or Shift+Tab) until the focused element is the target: a field by its name attribute, or
 * `{ text }` a button or link by its text (exact, or matching a pattern).
 */
export async function tabTo(
  page: Page,
  target: string | { text: string | RegExp },
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  const reached = async (): Promise<boolean> => {
    if (typeof target === 'string') return (await focusedName(page)) === target;
    const text = (await focusedAs(page, 'text')).trim();
    return typeof target.text === 'string' ? text === target.text : target.text.test(text);
  };
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press(key);
    if (await reached()) return;
  }
  throw new Error(`${key} never reached ${typeof target === 'string' ? `the field ${target}` : String(target.text)}`);
}

/**
 * On the receipt form, with the focus on the procedure field: types a name without diacritics, ArrowDown, Enter;
 * returns the due date shown before saving.
 */
export async function chooseProcedure(page: Page, typed: string, code: string): Promise<string> {
  await page.waitForFunction(`document.activeElement?.getAttribute('name') === 'procedureCode'`, undefined, {
    timeout: 2000,
  });
  await page.keyboard.type(typed);
  await page.getByRole('option', { name: new RegExp(code) }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const preview = page.getByTestId('due-date-preview');
  await preview.waitFor();
  return (await preview.textContent()) ?? '';
}

/** "ngày 07/12/2026" for "2026-12-07", as the desk's screens write a date. */
export const shownDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `ngày ${d}/${m}/${y}`;
};

/** "ngày 04 tháng 9 năm 2020": as the printed forms write a date (a day below 10 and months 1–2 take a zero). */
export const formDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
};

/** On the dossier page: Tab to the action's button, Enter; the dialog opens with the focus inside. */
export async function openForm(page: Page, label: string): Promise<Locator> {
  await tabTo(page, { text: label });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  return dialog;
}

/** The dialog closed and the page says the action was recorded. */
export async function done(page: Page, label: string): Promise<void> {
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page
    .getByRole('status')
    .filter({ hasText: `Đã ghi nhận: ${label}.` })
    .waitFor();
}

/** The status the dossier page shows, once it is `status`. */
export async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator('.dossier-title .status').filter({ hasText: status }).waitFor({ timeout: 5000 });
}

/** The API as another client (a bearer token): GET, or POST with its own Idempotency-Key and If-Match. */
export interface DeskApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, version?: number): Promise<T>;
}

export function deskApi(web: WebApp, token: string): DeskApi {
  async function send<T>(path: string, body?: unknown, version?: number): Promise<T> {
    const response = await fetch(`${web.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }),
        ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return { get: (path) => send(path), post: (path, body, version) => send(path, body, version) };
}

/** A printed PDF's text (NFC, whitespace collapsed) and its number of pages (poppler's pdftotext, pdfinfo). */
export function pdfText(file: string): { text: string; pages: number } {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    text: text.normalize('NFC').replace(/\s+/g, ' '),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
  };
}
