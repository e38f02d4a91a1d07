import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import type { ReplayFiguresRequest } from './replay-figures';
import { type LogRange, finishRange, foldRange } from './replay-range';

/**
 * A worker thread of the replay, in two steps: fold one range of the log (own connection) and post its tails; then,
 * told which of its dossiers later ranges continue, post the figures of the others and the records of those.
 */
async function run(): Promise<void> {
  const { url, range, request } = workerData as { url: string; range: LogRange; request: ReplayFiguresRequest };
  const pool = new Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore({ pool, groupCommit: false });
  try {
    const fold = await foldRange(store, range);
    await store.close();
    await pool.end();
    parentPort?.once('message', (continued: string[]) => {
      parentPort?.postMessage({ ok: true, result: finishRange(fold, new Set(continued), request) });
    });
    parentPort?.postMessage({ ok: true, result: { tails: fold.tails, events: fold.events } });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  }
}

void run();
