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
 * three parseInt per hash: the cheapest sound bookkeeping found); streams fall into buckets by PostgreSQL's
 * hashtext(stream_id), so an unbalanced bucket names the few streams to walk one by one to find the broken link.
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

  private apply(bucket: number, hash: string, sign: 1 | -1): void {
    const base = bucket * LANES;
    for (let lane = 0; lane < LANES; lane += 1) {
      const word = Number.parseInt(hash.slice(lane * DIGITS, lane * DIGITS + DIGITS), 16) || 0;
      this.lanes[base + lane] = mod((this.lanes[base + lane] as number) + sign * word);
    }
  }
}

/** Modulo 2^52, never negative; its inputs stay below 2^53 in magnitude, so every step is exact. */
function mod(value: number): number {
  const r = value % MODULUS;
  return r < 0 ? r + MODULUS : r;
}

/** A hash's lanes as PostgreSQL computes them (to sum the stream heads in SQL). */
export function laneSql(column: string, lane: number): string {
  return `('x' || lpad(substr(${column}, ${lane * DIGITS + 1}, ${DIGITS}), 16, '0'))::bit(64)::int8`;
}
export const LINK_MODULUS = MODULUS;
