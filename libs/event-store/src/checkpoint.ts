import type { Checkpoint } from './event-store.port';

/** Before the first event of the log. */
export const START: Checkpoint = Object.freeze({ transactionId: '0', globalPosition: 0 });

/** Total order of the global log: by transaction id (as an unsigned 64-bit number), then global position. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.globalPosition - b.globalPosition;
}

export function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.transactionId === 'string' && /^\d+$/.test(c.transactionId) && Number.isSafeInteger(c.globalPosition);
}

export function checkpointOf(event: { transactionId: string; globalPosition: number }): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}
