/**
 * The few byte moves of verify's inner loop, written out: Buffer#copy and Buffer#write make a view object and check
 * their arguments on every call, which costs more than moving the 20 to 100 bytes of a hash or a stream id.
 */

/** Copies source[start, end) to target at `at`; returns the new end in target. */
export function copyBytes(source: Uint8Array, start: number, end: number, target: Uint8Array, at: number): number {
  if (end - start > 128) {
    target.set(source.subarray(start, end), at);
    return at + end - start;
  }
  for (let i = start; i < end; i += 1) target[at++] = source[i] as number;
  return at;
}

const DIGIT_ZERO = 0x30;
const digits = new Uint8Array(20);

/** Writes a non-negative safe integer in decimal at `at`; returns the new end. */
export function writeDecimal(target: Uint8Array, at: number, value: number): number {
  if (value === 0) {
    target[at] = DIGIT_ZERO;
    return at + 1;
  }
  let count = 0;
  let rest = value;
  while (rest > 0) {
    const next = Math.floor(rest / 10);
    digits[count++] = DIGIT_ZERO + (rest - next * 10);
    rest = next;
  }
  while (count > 0) target[at++] = digits[--count] as number;
  return at;
}

/** Writes an ASCII string (hex digits, decimal numbers) at `at`; returns the new end. */
export function writeAscii(target: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) target[at++] = text.charCodeAt(i);
  return at;
}
