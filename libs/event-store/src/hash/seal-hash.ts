import { createHash, type Hash } from 'node:crypto';
import type { Checkpoint } from '../event-store.port';

export const SEAL_FORMAT = 'dossier-tracker/event-store-seal@1';

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

  constructor(prevSealHash: string | null, after: Checkpoint, upTo: Checkpoint) {
    this.hash.update(
      `${SEAL_FORMAT}\n${prevSealHash ?? ''}\n${after.transactionId}:${after.globalPosition}\n${upTo.transactionId}:${upTo.globalPosition}\n`,
      'utf8',
    );
  }

  add(transactionId: string, globalPosition: number | string, recordedAtMicros: string, eventHash: string): void {
    this.hash.update(`${transactionId}:${globalPosition}:${recordedAtMicros}:${eventHash}\n`, 'utf8');
    this.count += 1;
  }

  get eventCount(): number {
    return this.count;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
