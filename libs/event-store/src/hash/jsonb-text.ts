/**
 * The canonical JSON (canonical-json.ts) of a PostgreSQL jsonb value straight from its text output, without parsing
 * it into objects: jsonb prints `{"key": value, …}` with its keys ordered by length then bytes, strings escaped as
 * JSON.stringify escapes them, numbers as written. Only the key order and the spaces differ from the canonical form,
 * so the object's entries are re-ordered and the spaces dropped; the tokens are copied as they are.
 *
 * Returns null for anything it does not copy verbatim with certainty (a string with an escape, a number whose
 * text is not JavaScript's): the caller then parses and canonicalises (canonicalJsonOfParsed), the slow, sure way.
 */
export function canonicalFromJsonbText(text: string): string | null {
  if (text.includes('\\')) return null;
  const reader = new Reader(text);
  const out = reader.value();
  return out !== null && reader.at === text.length ? out : null;
}

const QUOTE = 0x22;
const SPACE = 0x20;

class Reader {
  at = 0;

  constructor(private readonly text: string) {}

  value(): string | null {
    const c = this.text.charCodeAt(this.at);
    if (c === QUOTE) return this.string();
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    return this.scalar();
  }

  private string(): string | null {
    const end = this.text.indexOf('"', this.at + 1);
    if (end < 0) return null;
    const token = this.text.slice(this.at, end + 1);
    this.at = end + 1;
    return token;
  }

  private object(): string | null {
    this.at += 1;
    if (this.text.charCodeAt(this.at) === 0x7d) {
      this.at += 1;
      return '{}';
    }
    const keys: string[] = [];
    const values: string[] = [];
    let sorted = true;
    for (;;) {
      const key = this.string();
      if (key === null || this.text.charCodeAt(this.at) !== 0x3a) return null;
      this.at += 1;
      if (this.text.charCodeAt(this.at) === SPACE) this.at += 1;
      const value = this.value();
      if (value === null) return null;
      const bare = key.slice(1, -1);
      if (keys.length > 0 && (keys[keys.length - 1] as string) > bare) sorted = false;
      keys.push(bare);
      values.push(value);
      const next = this.text.charCodeAt(this.at);
      this.at += 1;
      if (next === 0x7d) break;
      if (next !== 0x2c) return null;
      if (this.text.charCodeAt(this.at) === SPACE) this.at += 1;
    }
    let order = keys.map((_, i) => i);
    if (!sorted) order = order.sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : 1));
    let out = '{';
    for (let i = 0; i < order.length; i += 1) {
      const k = order[i] as number;
      out += `${i > 0 ? ',' : ''}"${keys[k] as string}":${values[k] as string}`;
    }
    return `${out}}`;
  }

  private array(): string | null {
    this.at += 1;
    if (this.text.charCodeAt(this.at) === 0x5d) {
      this.at += 1;
      return '[]';
    }
    let out = '[';
    for (;;) {
      const value = this.value();
      if (value === null) return null;
      out += value;
      const next = this.text.charCodeAt(this.at);
      this.at += 1;
      if (next === 0x5d) return `${out}]`;
      if (next !== 0x2c) return null;
      out += ',';
      if (this.text.charCodeAt(this.at) === SPACE) this.at += 1;
    }
  }

  private scalar(): string | null {
    let end = this.at;
    while (end < this.text.length) {
      const c = this.text.charCodeAt(end);
      if (c === 0x2c || c === 0x7d || c === 0x5d) break;
      end += 1;
    }
    const token = this.text.slice(this.at, end);
    this.at = end;
    if (token === 'true' || token === 'false' || token === 'null') return token;
    // A number is copied only when it is exactly how JavaScript (and so the canonical form) writes it.
    return token !== '' && JSON.stringify(Number(token)) === token ? token : null;
  }
}
