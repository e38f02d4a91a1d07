import os from 'node:os';
import type { ReplayFiguresRequest, ReplayFiguresResult } from './replay-figures';
import { replayHeap, runWorker } from './worker-source';

/**
 * The auditor's replay off the API's event loop: a worker thread (with a heap fit for millions of records) cuts
 * the log into `ranges` ranges folded in parallel worker threads (default: one per core, at most 4; a small log
 * stays one range) and posts back the figures — the same as replayFigures on this thread.
 */
export function replayFiguresInWorker(
  url: string,
  request: ReplayFiguresRequest,
  options: { ranges?: number; minTransactions?: number } = {},
): Promise<ReplayFiguresResult> {
  const ranges = options.ranges ?? Math.max(1, Math.min(4, os.cpus().length));
  return runWorker<ReplayFiguresResult>(
    'replay-worker',
    { url, request, ranges, minTransactions: options.minTransactions },
    replayHeap(os.totalmem() / 2 ** 20),
  );
}
