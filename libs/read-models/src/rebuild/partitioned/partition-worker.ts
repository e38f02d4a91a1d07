import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import type { Checkpoint, EventPayload } from '@app/event-store';
import { PartitionFiller } from './partition-filler';

/** What the coordinator tells a partition's worker thread. */
export type ToPartition =
  { type: 'page'; events: EventPayload[]; to: Checkpoint; units: string[] } | { type: 'end'; to: Checkpoint };

/** What a partition's worker thread answers. */
export type FromPartition =
  | { type: 'committed'; pages: number; events: number; checkpoint: Checkpoint }
  | { type: 'ended' }
  | { type: 'failed'; error: string };

export interface PartitionWorkerData {
  url: string;
  generation: number;
  partition: number;
  from: Checkpoint;
  windowSize: number;
}

/**
 * A worker thread of a partitioned rebuild: applies the pages the coordinator routes to its partition, one message
 * after the other, with a connection pool of its own.
 */
function run(): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as PartitionWorkerData;
  const pool = new Pool({ connectionString: data.url, max: 2 });
  const post = (message: FromPartition) => port.postMessage(message);
  const filler = new PartitionFiller({
    pool,
    generation: data.generation,
    partition: data.partition,
    from: data.from,
    windowSize: data.windowSize,
    onCommit: (commit) => post({ type: 'committed', ...commit }),
  });
  let chain: Promise<void> = Promise.resolve();
  let failed = false;
  port.on('message', (message: ToPartition) => {
    chain = chain
      .then(async () => {
        if (failed) return;
        if (message.type === 'page') await filler.add(message.events, message.to, message.units);
        else {
          await filler.end(message.to);
          await pool.end();
          post({ type: 'ended' });
        }
      })
      .catch((error: unknown) => {
        failed = true;
        post({ type: 'failed', error: (error as Error).stack ?? String(error) });
        void pool.end().catch(() => undefined);
      });
  });
}

run();
