/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object keys sorted by UTF-16 code units, no whitespace,
 * numbers as ECMAScript prints them (shortest round-trip form), strings escaped as JSON.stringify does.
 * `undefined` members are dropped and `toJSON()` is honoured, exactly as JSON.stringify would, so the canonical
 * text is also what gets stored. Throws on values JSON cannot carry (NaN, Infinity, bigint, functions, cycles).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot canonicalise the number ${value}`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value as object, seen);
    default:
      throw new TypeError(`Cannot canonicalise a value of type ${typeof value}`);
  }
}

function writeObject(value: object, seen: Set<object>): string {
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return write((json as () => unknown).call(value), seen);
  if (seen.has(value)) throw new TypeError('Cannot canonicalise a cyclic structure');
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : write(item, seen))).join(',')}]`;
  } else {
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined || typeof member === 'function') continue;
      parts.push(`${JSON.stringify(key)}:${write(member, seen)}`);
    }
    out = `{${parts.join(',')}}`;
  }
  seen.delete(value);
  return out;
}
