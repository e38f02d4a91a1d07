const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * True when the JSON text (UTF-8 bytes) nests arrays and objects deeper than `maxDepth`. Read before the text is
 * parsed, in one pass with a counter — no recursion and no parse — so a body of a few KB holding thousands of
 * brackets is refused before anything (validation, class-transformer, JSON.stringify) recurses over it.
 * Brackets inside strings do not count; malformed text is left to the parser. UTF-8 multi-byte sequences never
 * contain ASCII bytes, so reading bytes is exact.
 */
export function jsonDepthExceeds(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return false;
}
