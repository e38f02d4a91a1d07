import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import type { DossierEvent } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { splitLog } from './log-split';
import type { ReplayFiguresRequest } from './replay-figures';
import { type RangeResult, finishRange, foldRange, mergeRangeResults } from './replay-range';
import { WorkerConversation, replayHeap } from './worker-source';

type Tails = [string, DossierEvent[]][];

/**
 * The replay's coordinating worker thread: cuts the log into consecutive ranges, folds the first itself and each
 * other one in a worker of its own (all reading through the EventStore port). Each range computes the figures of
 * its final dossiers; only the dossiers later ranges continue travel, to be merged here in log order. Posts back
 * only the figures.
 */
async function run(): Promise<void> {
  const { url, request, ranges, minTransactions } = workerData as {
    url: string;
    request: ReplayFiguresRequest;
    ranges: number;
    minTransactions?: number;
  };
  const pool = new Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore({ pool, groupCommit: false });
  const started = Date.now();
  try {
    const [head, ...rest] = await splitLog(store, ranges, {
      pageSize: 10_000,
      minTransactions,
      ...(request.recordedUpTo ? { recordedUpTo: request.recordedUpTo } : {}),
      ...(request.upTo ? { upTo: request.upTo } : {}),
    });
    const heap = replayHeap(os.totalmem() / 2 ** 20 / Math.max(1, ranges));
    const workers = rest.map((range) => new WorkerConversation('range-worker', { url, range, request }, heap));
    const [own, ...folded] = await Promise.all([
      foldRange(store, head as NonNullable<typeof head>),
      ...workers.map((w) => w.next<{ tails: Tails; events: number }>()),
    ]);
    const tails: Tails[] = [own.tails, ...folded.map((f) => f.tails)];
    const continuedAfter = (k: number) => [...new Set(tails.slice(k + 1).flatMap((t) => t.map(([id]) => id)))];
    const results: RangeResult[] = await Promise.all([
      Promise.resolve(finishRange(own, new Set(continuedAfter(0)), request)),
      ...workers.map((w, i) => w.next<RangeResult>(continuedAfter(i + 1))),
    ]);
    const events = own.events + folded.reduce((sum, f) => sum + f.events, 0);
    parentPort?.postMessage({
      ok: true,
      result: { figures: mergeRangeResults(results, tails, request), events, seconds: (Date.now() - started) / 1000 },
    });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  } finally {
    await store.close();
    await pool.end();
  }
}

void run();
