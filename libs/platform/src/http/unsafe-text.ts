/** A field of a request that breaks a rule: the shape every 400 lists in `errors`. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** Matches a lone UTF-16 surrogate (a pair forms one code point, which `\p{Cs}` does not match with the `u` flag). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The rule a text breaks, or undefined when PostgreSQL can store it: NUL is refused in `text` and `jsonb`, and a
 * lone surrogate cannot be encoded in UTF-8 (`\ud800` is refused in jsonb). Other control characters are stored
 * faithfully, so they are the DTOs' business, not this check's.
 */
export function unsafeTextRule(text: string): FieldError | undefined {
  if (text.includes('\u0000'))
    return { field: '', rule: 'noNulCharacter', message: 'must not contain a NUL character (\\u0000)' };
  if (LONE_SURROGATE.test(text))
    return {
      field: '',
      rule: 'wellFormedUnicode',
      message: 'must be well-formed Unicode (a lone UTF-16 surrogate was found)',
    };
  return undefined;
}

/**
 * Every string (and object key) in a parsed body, query or parameter that PostgreSQL could not store, with its path
 * (`changes.receivingUnitId`, `documents.2`). Walks with an explicit stack: no recursion, whatever the depth.
 */
export function findUnsafeText(value: unknown, root = ''): FieldError[] {
  const found: FieldError[] = [];
  const stack: { path: string; value: unknown; key?: string }[] = [{ path: root, value }];
  const report = (path: string, text: string): void => {
    const broken = unsafeTextRule(text);
    if (broken)
      found.push({ field: path || 'body', rule: broken.rule, message: `${path || 'body'} ${broken.message}` });
  };
  while (stack.length > 0) {
    const { path, value: current, key } = stack.pop() as { path: string; value: unknown; key?: string };
    if (key !== undefined) report(path, key); // a field name PostgreSQL could not store either
    if (typeof current === 'string') report(path, current);
    else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ path: join(path, String(i)), value: current[i] });
    } else if (typeof current === 'object' && current !== null) {
      for (const [name, item] of Object.entries(current).reverse()) {
        const broken = unsafeTextRule(name) !== undefined;
        stack.push({
          path: join(path, broken ? JSON.stringify(name).slice(1, -1) : name),
          value: item,
          ...(broken ? { key: name } : {}),
        });
      }
    }
  }
  return found;
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
