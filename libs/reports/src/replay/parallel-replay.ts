import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventStore } from '@app/event-store';
import { type LogRange, type RangeFold, beforeTransaction, foldRange, mergeRangeFolds } from './replay-range';
import type { ReplayOptions, ReplayResult } from './replay-records';
import { replayRecords } from './replay-records';

export interface ParallelReplayOptions extends ReplayOptions {
  /** Connection string of the event store's PostgreSQL (each worker opens its own connection). */
  url: string;
  /** Worker threads (default 2). */
  workers?: number;
  /** Below this many transactions in the log, replay on this thread (starting workers costs about a second). */
  minTransactions?: number;
}

/**
 * The auditor's replay on several cores: the log is cut into consecutive ranges of transaction ids, each read
 * through the EventStore port and folded by a worker thread (dossiers starting in the range folded from nothing,
 * the others' events kept), then the ranges are merged in log order — the same records as the one-thread replay.
 */
export async function replayRecordsInParallel(store: EventStore, options: ParallelReplayOptions): Promise<ReplayResult> {
  const started = Date.now();
  const pageSize = options.pageSize ?? 10_000;
  const upTo = options.recordedUpTo;
  const first = (await store.readAll({ limit: 1, ...(upTo ? { recordedUpTo: upTo } : {}) })).events[0];
  if (!first) return { records: [], events: 0, checkpoint: { transactionId: '0', globalPosition: 0 }, seconds: 0 };
  const last = await lastTransaction(store, BigInt(first.transactionId), upTo);
  const workers = Math.max(1, options.workers ?? 2);
  const span = last - BigInt(first.transactionId) + 1n;
  if (workers === 1 || span < BigInt(options.minTransactions ?? 2000)) return replayRecords(store, options);

  const bounds = Array.from({ length: workers + 1 }, (_, k) => (k === 0 ? null : k === workers ? null : (BigInt(first.transactionId) + (span * BigInt(k)) / BigInt(workers)).toString()));
  const ranges: LogRange[] = bounds.slice(0, workers).map((from, k) => ({
    fromTransaction: from,
    toTransaction: bounds[k + 1] ?? null,
    pageSize,
    ...(upTo ? { recordedUpTo: upTo.toISOString() } : {}),
  }));
  const [head, ...rest] = ranges as [LogRange, ...LogRange[]];
  const folds = await Promise.all([foldRange(store, head), ...rest.map((range) => foldInWorker(options.url, range))]);
  const records = mergeRangeFolds(folds);
  return { records, events: folds.reduce((sum, f) => sum + f.events, 0), checkpoint: { transactionId: last.toString(), globalPosition: 0 }, seconds: (Date.now() - started) / 1000 };
}

/** The last transaction id with an event (recorded up to `upTo`): exponential then binary search with one-event reads. */
async function lastTransaction(store: EventStore, first: bigint, upTo: Date | undefined): Promise<bigint> {
  const after = async (tx: bigint): Promise<boolean> =>
    (await store.readAll({ after: beforeTransaction((tx + 1n).toString()), limit: 1, ...(upTo ? { recordedUpTo: upTo } : {}) })).events.length > 0;
  if (!(await after(first))) return first;
  let step = 1024n;
  while (await after(first + step)) step *= 2n;
  let lo = first + step / 2n;
  let hi = first + step;
  if (!(await after(lo))) lo = first;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (await after(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

function foldInWorker(url: string, range: LogRange): Promise<RangeFold> {
  const file = path.join(__dirname, `replay-worker${path.extname(__filename)}`);
  const register = path.resolve(__dirname, '../../../../scripts/register.cjs');
  const source = __filename.endsWith('.ts') ? `require(${JSON.stringify(register)}); require(${JSON.stringify(file)});` : `require(${JSON.stringify(file)});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { url, range } });
    worker.once('message', (message: { ok: true; fold: RangeFold } | { ok: false; error: string }) => {
      if (message.ok) resolve(message.fold);
      else reject(new Error(`replay worker failed: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`replay worker exited with code ${code}`));
    });
  });
}
