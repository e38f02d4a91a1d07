/** An escape JSON.stringify writes that PostgreSQL's text cannot hold, or an escaped backslash (skipped as a pair). */
const ESCAPES = /\\(?:\\|u(0000|d[89a-f][0-9a-f]{2}))/gi;

/**
 * What makes a JSON text (as canonicalJson writes it) unfit for the event log, or null: a NUL character (`\u0000`)
 * or a lone UTF-16 surrogate (JSON.stringify escapes it as `\udXXX`; a surrogate pair is written as its character).
 * The json column would take either (jsonb refused both), but neither survives `->>` or any text column downstream,
 * so the append refuses them as jsonb did (schema/004-payloads-as-canonical-text).
 */
export function unstorableJson(text: string): string | null {
  if (!text.includes('\\u')) return null;
  for (const match of text.matchAll(ESCAPES)) {
    const code = match[1];
    if (code === undefined) continue;
    return code === '0000' ? 'a NUL character (\\u0000)' : `a lone UTF-16 surrogate (\\u${code.toLowerCase()})`;
  }
  return null;
}
