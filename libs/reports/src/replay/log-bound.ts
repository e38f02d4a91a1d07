import { compareCheckpoints } from '@app/event-store';

/**
 * How far "as known at" reads the log. With a transaction id it is a checkpoint of the delivery order (a filing's
 * position, `tx:pos`): exactly the events a reader had read up to there, a prefix of the log that never changes
 * (readers read only below the oldest transaction in flight). A global position alone means every event whose
 * position is at most that number.
 */
export interface LogBound {
  globalPosition: number;
  transactionId?: string;
}

type Placed = { transactionId: string; globalPosition: number };

/** True when the event belongs to the log as known at the bound. */
export function withinBound(event: Placed, bound: LogBound): boolean {
  return bound.transactionId === undefined
    ? event.globalPosition <= bound.globalPosition
    : compareCheckpoints(event, { transactionId: bound.transactionId, globalPosition: bound.globalPosition }) <= 0;
}

/** True when the event and every one delivered after it lie past the bound (a checkpoint bound only). */
export function pastBound(event: Placed, bound: LogBound): boolean {
  return bound.transactionId !== undefined && !withinBound(event, bound);
}

/** `tx:pos` or `pos` for people and query strings. */
export function formatBound(bound: LogBound): string {
  return bound.transactionId === undefined
    ? String(bound.globalPosition)
    : `${bound.transactionId}:${bound.globalPosition}`;
}
