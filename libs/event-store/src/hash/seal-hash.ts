import { createHash, type Hash } from 'node:crypto';
import type { Checkpoint } from '../event-store.port';
import { copyBytes, writeDecimal } from './byte-writing';

export const SEAL_FORMAT = 'dossier-tracker/event-store-seal@1';
const COLON = 0x3a;
const NEWLINE = 0x0a;
const PENDING_BYTES = 64 * 1024;
/** The longest line: three 20-digit numbers, a hash of at most a few hundred bytes, separators. */
const LINE_ROOM = 1024;

/**
 * The seal of a range (after, upTo] of the global log, in delivery order (README "Seals"):
 *
 *   header = FORMAT "\n" prevSealHash "\n" after.transactionId ":" after.globalPosition "\n"
 *            upTo.transactionId ":" upTo.globalPosition "\n"
 *   line   = transactionId ":" globalPosition ":" recordedAt (µs since 1970-01-01 UTC) ":" hash "\n"
 *   seal   = hex(sha256(header line*))
 *
 * Each event's hash already binds its stream, position and content; the line adds where and when it sits in the
 * log. Seals chain through prevSealHash ("" for the first).
 */
export class SealHasher {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;
  /** Lines not yet hashed: handed to sha256 in chunks rather than one call per event (same digest). */
  private readonly pending = Buffer.allocUnsafe(PENDING_BYTES + LINE_ROOM);
  private used = 0;

  constructor(prevSealHash: string | null, after: Checkpoint, upTo: Checkpoint) {
    this.hash.update(
      `${SEAL_FORMAT}\n${prevSealHash ?? ''}\n${after.transactionId}:${after.globalPosition}\n${upTo.transactionId}:${upTo.globalPosition}\n`,
      'utf8',
    );
  }

  add(transactionId: string, globalPosition: number | string, recordedAtMicros: string, eventHash: string): void {
    const line = `${transactionId}:${globalPosition}:${recordedAtMicros}:${eventHash}\n`;
    if (Buffer.byteLength(line) > LINE_ROOM) {
      this.flush();
      this.hash.update(line, 'utf8');
    } else {
      this.used += this.pending.write(line, this.used, 'utf8');
    }
    this.counted();
  }

  /** `add`, with the event's hash as the bytes [start, end) of `source` (a row read from the wire). */
  addFromBytes(
    transactionId: number,
    globalPosition: number,
    recordedAtMicros: number,
    source: Buffer,
    start: number,
    end: number,
  ): void {
    if (end - start > LINE_ROOM - 64) {
      this.add(String(transactionId), globalPosition, String(recordedAtMicros), source.toString('utf8', start, end));
      return;
    }
    const out = this.pending;
    let at = writeDecimal(out, this.used, transactionId);
    out[at++] = COLON;
    at = writeDecimal(out, at, globalPosition);
    out[at++] = COLON;
    at = writeDecimal(out, at, recordedAtMicros);
    out[at++] = COLON;
    at = copyBytes(source, start, end, out, at);
    out[at] = NEWLINE;
    this.used = at + 1;
    this.counted();
  }

  get eventCount(): number {
    return this.count;
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private counted(): void {
    this.count += 1;
    if (this.used >= PENDING_BYTES) this.flush();
  }

  private flush(): void {
    if (this.used === 0) return;
    this.hash.update(this.pending.subarray(0, this.used));
    this.used = 0;
  }
}
