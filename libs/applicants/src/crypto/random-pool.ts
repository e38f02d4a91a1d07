import { randomFillSync } from 'node:crypto';

/**
 * Cryptographically random bytes, drawn from a pool filled 8 KB at a time: on this kind of VM each call for fresh
 * randomness is a system call costing tens of microseconds, and a receipt with an applicant needs three (the data
 * key, the IVs). Node's randomUUID pools its randomness the same way.
 */
const POOL = Buffer.alloc(8192);
let offset = POOL.length;

export function randomBytesPooled(size: number): Buffer {
  if (size > POOL.length) return randomFillSync(Buffer.alloc(size));
  if (offset + size > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const bytes = Buffer.from(POOL.subarray(offset, offset + size)); // a copy: the pool is refilled in place
  POOL.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
