/**
 * Order-free bookkeeping of hash links, so that the log can be checked in any order and in parallel ranges.
 *
 * Every event adds its own hash and takes away the hash its prev_hash names; every stream head takes away its last
 * hash. Each link of an intact chain is then counted once on each side, and every bucket sums to zero. An event
 * deleted in the middle of a stream (its successor's prev_hash names a hash no event has), a head that no longer
 * names the last event, an event that its stream's head does not reach: each leaves its bucket unbalanced. (Each
 * event's own hash is checked against its content, position and prev_hash separately.)
 *
 * A hash is taken as eight 32-bit lanes, summed modulo 2^32 each; streams fall into buckets by PostgreSQL's
 * hashtext(stream_id), so an unbalanced bucket names the few streams to walk one by one to find the broken link.
 */
export const LINK_BUCKETS = 4096;
const LANES = 8;

export class LinkSums {
  readonly lanes: Uint32Array;

  constructor(lanes?: Uint32Array) {
    this.lanes = lanes ?? new Uint32Array(LINK_BUCKETS * LANES);
  }

  add(bucket: number, hash: string): void {
    this.apply(bucket, hash, 1);
  }

  take(bucket: number, hash: string): void {
    this.apply(bucket, hash, -1);
  }

  /** Adds another range's sums (or, with sign -1, takes them away). */
  merge(other: Uint32Array, sign: 1 | -1 = 1): void {
    for (let i = 0; i < this.lanes.length; i += 1) this.lanes[i] = ((this.lanes[i] as number) + sign * (other[i] as number)) >>> 0;
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
      const word = Number.parseInt(hash.slice(lane * 8, lane * 8 + 8), 16) || 0;
      this.lanes[base + lane] = ((this.lanes[base + lane] as number) + sign * word) >>> 0;
    }
  }
}
