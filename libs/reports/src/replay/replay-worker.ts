import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { splitLog } from './log-split';
import { type ReplayFiguresRequest, figuresOfRecords } from './replay-figures';
import { type RangeFold, foldRange, mergeRangeFolds } from './replay-range';
import { replayHeap, runWorker } from './worker-source';

/**
 * The replay's coordinating worker thread: cuts the log into `ranges` consecutive ranges, folds the first itself and
 * each other one in a worker of its own (all reading through the EventStore port), merges them in log order and
 * posts back only the figures.
 */
async function run(): Promise<void> {
  const { url, request, ranges, minTransactions } = workerData as { url: string; request: ReplayFiguresRequest; ranges: number; minTransactions?: number };
  const pool = new Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore({ pool, groupCommit: false });
  const started = Date.now();
  try {
    const [head, ...rest] = await splitLog(store, ranges, { pageSize: 10_000, minTransactions, ...(request.recordedUpTo ? { recordedUpTo: request.recordedUpTo } : {}) });
    const heap = replayHeap(os.totalmem() / 2 ** 20 / Math.max(1, ranges));
    const folds = await Promise.all([foldRange(store, head as NonNullable<typeof head>), ...rest.map((range) => runWorker<RangeFold>('range-worker', { url, range }, heap))]);
    const records = mergeRangeFolds(folds);
    const events = folds.reduce((sum, f) => sum + f.events, 0);
    parentPort?.postMessage({ ok: true, result: { figures: figuresOfRecords(records, request), events, seconds: (Date.now() - started) / 1000 } });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  } finally {
    await store.close();
    await pool.end();
  }
}

void run();
