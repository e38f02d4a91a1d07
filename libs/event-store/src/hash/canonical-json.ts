/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object keys sorted by UTF-16 code units, no whitespace,
 * numbers as ECMAScript prints them (shortest round-trip form), strings escaped as JSON.stringify does.
 * `undefined` members are dropped and `toJSON()` is honoured, exactly as JSON.stringify would, so the canonical
 * text is also what gets stored. Throws on values JSON cannot carry (NaN, Infinity, bigint, functions, cycles).
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}

function write(value: unknown, path: object[]): string {
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
      return writeObject(value as object, path);
    default:
      throw new TypeError(`Cannot canonicalise a value of type ${typeof value}`);
  }
}

function writeObject(value: object, path: object[]): string {
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return write((json as () => unknown).call(value), path);
  if (path.includes(value)) throw new TypeError('Cannot canonicalise a cyclic structure');
  path.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : write(item, path);
    }
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = '{';
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${write(member, path)}`;
      first = false;
    }
    out += '}';
  }
  path.pop();
  return out;
}
