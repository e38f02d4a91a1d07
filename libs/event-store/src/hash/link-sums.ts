/**
 * Order-free bookkeeping of hash links, so that the log can be checked in any order and in parallel ranges.
 *
 * Every event adds its own hash and takes away the hash its prev_hash names; every stream head takes away its last
 * hash. Each link of an intact chain is then counted once on each side, and every bucket sums to zero. An event
 * deleted in the middle of a stream (its successor's prev_hash names a hash no event has), a head that no longer
 * names the last event, an event that its stream's head does not reach: each leaves its bucket unbalanced. (Each
 * event's own hash is checked against its content, position and prev_hash separately.)
 *
 * A hash is taken as three lanes of 52 bits (its first 39 hex digits), summed modulo 2^52 each (exact in doubles,
 * read digit by digit with no string made: the cheapest sound bookkeeping found; a lane with a character that is not
 * a hex digit counts 0, on both sides alike); streams fall into buckets by PostgreSQL's hashtext(stream_id), so an
 * unbalanced bucket names the few streams to walk one by one to find the broken link.
 * (Against someone who can recompute hashes the sums add nothing, and need not: such a person can rewrite a whole
 * chain too. Seals are the defence there, see docs/integrity.md.)
 */
export const LINK_BUCKETS = 4096;
export const LINK_LANES = 3;
const LANES = LINK_LANES;
const DIGITS = 13;
const MODULUS = 2 ** 52;

export class LinkSums {
  readonly lanes: Float64Array;

  constructor(lanes?: Float64Array) {
    this.lanes = lanes ?? new Float64Array(LINK_BUCKETS * LANES);
  }

  add(bucket: number, hash: string): void {
    this.apply(bucket, hash, 1);
  }

  take(bucket: number, hash: string): void {
    this.apply(bucket, hash, -1);
  }

  /** add/take with the hash as the bytes [at, end) of `buffer` (read from the wire, no string made). */
  addBytes(bucket: number, buffer: Uint8Array, at: number, end: number): void {
    this.applyBytes(bucket, buffer, at, end, 1);
  }

  takeBytes(bucket: number, buffer: Uint8Array, at: number, end: number): void {
    this.applyBytes(bucket, buffer, at, end, -1);
  }

  /** Adds another range's sums (or, with sign -1, takes them away). */
  merge(other: Float64Array, sign: 1 | -1 = 1): void {
    for (let i = 0; i < this.lanes.length; i += 1)
      this.lanes[i] = mod((this.lanes[i] as number) + sign * (other[i] as number));
  }

  /** Buckets whose links do not balance. */
  unbalanced(): number[] {
    const out: number[] = [];
    for (let bucket = 0; bucket < LINK_BUCKETS; bucket += 1) {
      for (let lane = 0; lane < LANES; lane += 1) {
        if (this.lanes[bucket * LANES + lane] !== 0) {
          out.push(bucket);
          break;
        }
      }
    }
    return out;
  }

  private applyBytes(bucket: number, buffer: Uint8Array, at: number, end: number, sign: 1 | -1): void {
    const base = bucket * LANES;
    for (let lane = 0; lane < LANES; lane += 1) {
      const word = hexWordOfBytes(buffer, at + lane * DIGITS, end);
      this.lanes[base + lane] = mod((this.lanes[base + lane] as number) + sign * word);
    }
  }

  private apply(bucket: number, hash: string, sign: 1 | -1): void {
    const base = bucket * LANES;
    for (let lane = 0; lane < LANES; lane += 1) {
      const word = hexWord(hash, lane * DIGITS);
      this.lanes[base + lane] = mod((this.lanes[base + lane] as number) + sign * word);
    }
  }
}

/** Each character code's value as a hex digit, -1 for any other (codes past 255 are read as -1 too). */
const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c += 1) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c += 1) {
  HEX[0x61 + c] = 10 + c;
  HEX[0x41 + c] = 10 + c;
}

function hexDigit(c: number): number {
  return c < 256 ? (HEX[c] as number) : -1;
}

/** hexWord over the bytes [from, end) of a buffer. */
function hexWordOfBytes(buffer: Uint8Array, from: number, end: number): number {
  let value = 0;
  for (let i = from; i < from + DIGITS; i += 1) {
    const digit = i < end ? hexDigit(buffer[i] as number) : -1;
    if (digit < 0) return 0;
    value = value * 16 + digit;
  }
  return value;
}

/** The DIGITS hex digits of `text` from `from` as a number (below 2^52, exact); 0 if any of them is not one. */
function hexWord(text: string, from: number): number {
  let value = 0;
  for (let i = from; i < from + DIGITS; i += 1) {
    const digit = hexDigit(text.charCodeAt(i));
    if (digit < 0) return 0;
    value = value * 16 + digit;
  }
  return value;
}

/** Modulo 2^52, never negative; its inputs stay below 2^53 in magnitude, so every step is exact. */
function mod(value: number): number {
  const r = value % MODULUS;
  return r < 0 ? r + MODULUS : r;
}
