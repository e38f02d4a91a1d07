import type { Locator, Page } from 'playwright-core';

/** A table's body as text: one array of cell texts (th and td, trimmed) per row — hidden (closed <details>) or not. */
export const tableCells = (table: Locator): Promise<string[][]> =>
  table.evaluate((t) =>
    [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  );

/** "26.286" → 26286, "73,5%" → 0.735, "—" → null. */
export function vnNumber(text: string): number | null {
  const t = text.trim();
  if (t === '—' || t === '') return null;
  const n = Number(t.replace('%', '').replace(/\./g, '').replace(',', '.').replace('−', '-'));
  return t.endsWith('%') ? n / 100 : n;
}

/** Waits until `check` passes (it throws meanwhile), up to `ms`. */
export async function until<T>(check: () => Promise<T>, ms = 10_000, every = 250): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, every));
    }
  }
}

export const byTestId = (page: Page, id: string): Locator => page.getByTestId(id);
