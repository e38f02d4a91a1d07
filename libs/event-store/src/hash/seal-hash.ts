import { createHash, type Hash } from 'node:crypto';
import type { Checkpoint } from '../event-store.port';

export const SEAL_FORMAT = 'dossier-tracker/event-store-seal@1';
const PENDING_CHARS = 64 * 1024;

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
  private pending = '';

  constructor(prevSealHash: string | null, after: Checkpoint, upTo: Checkpoint) {
    this.hash.update(
      `${SEAL_FORMAT}\n${prevSealHash ?? ''}\n${after.transactionId}:${after.globalPosition}\n${upTo.transactionId}:${upTo.globalPosition}\n`,
      'utf8',
    );
  }

  add(transactionId: string, globalPosition: number | string, recordedAtMicros: string, eventHash: string): void {
    this.pending += `${transactionId}:${globalPosition}:${recordedAtMicros}:${eventHash}\n`;
    this.count += 1;
    if (this.pending.length >= PENDING_CHARS) this.flush();
  }

  get eventCount(): number {
    return this.count;
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.hash.update(this.pending, 'utf8');
    this.pending = '';
  }
}
