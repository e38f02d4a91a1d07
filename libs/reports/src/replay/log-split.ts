import type { EventStore } from '@app/event-store';
import type { LogBound } from './log-bound';
import { type LogRange, beforeTransaction } from './replay-range';

/**
 * Cuts the log into `parts` consecutive ranges of transaction ids of about the same width, found with one-event
 * reads through the port (the first transaction, then the last by exponential and binary search). A log of fewer
 * than `minTransactions` transactions stays one range.
 */
export async function splitLog(
  store: EventStore,
  parts: number,
  options: { recordedUpTo?: string; upTo?: LogBound; pageSize: number; minTransactions?: number },
): Promise<LogRange[]> {
  const upTo = options.recordedUpTo ? { recordedUpTo: new Date(options.recordedUpTo) } : {};
  const whole: LogRange = {
    fromTransaction: null,
    toTransaction: null,
    pageSize: options.pageSize,
    ...(options.recordedUpTo ? { recordedUpTo: options.recordedUpTo } : {}),
    ...(options.upTo ? { upTo: options.upTo } : {}),
  };
  const first = (await store.readAllPayloads({ limit: 1, ...upTo })).events[0];
  if (!first || parts <= 1) return [whole];
  const start = BigInt(first.transactionId);
  const after = async (tx: bigint): Promise<boolean> =>
    (await store.readAllPayloads({ after: beforeTransaction((tx + 1n).toString()), limit: 1, ...upTo })).events.length >
    0;
  const found = await lastTransaction(start, after);
  // up to a checkpoint: the ranges stop at its transaction (the rest of the log is not read at all)
  const limit = options.upTo?.transactionId === undefined ? null : BigInt(options.upTo.transactionId);
  const last = limit !== null && limit < found ? (limit < start ? start : limit) : found;
  const span = last - start + 1n;
  if (span < BigInt(options.minTransactions ?? 2000)) return [whole];
  const bound = (k: number): string | null =>
    k === 0 || k === parts ? null : (start + (span * BigInt(k)) / BigInt(parts)).toString();
  return Array.from({ length: parts }, (_, k) => ({
    ...whole,
    fromTransaction: bound(k),
    toTransaction: bound(k + 1),
  }));
}

/** The largest transaction id with an event, given `after(tx)` = "some event has a transaction id > tx". */
async function lastTransaction(first: bigint, after: (tx: bigint) => Promise<boolean>): Promise<bigint> {
  if (!(await after(first))) return first;
  let step = 1024n;
  while (await after(first + step)) step *= 2n;
  let lo = step === 1024n ? first : first + step / 2n;
  let hi = first + step;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (await after(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}
