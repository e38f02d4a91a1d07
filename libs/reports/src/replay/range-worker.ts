import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { type LogRange, foldRange } from './replay-range';

/** A worker thread of the replay: folds one range of the log on its own connection and posts the fold. */
async function run(): Promise<void> {
  const { url, range } = workerData as { url: string; range: LogRange };
  const pool = new Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore({ pool, groupCommit: false });
  try {
    parentPort?.postMessage({ ok: true, result: await foldRange(store, range) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  } finally {
    await store.close();
    await pool.end();
  }
}

void run();
