import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Pool } from 'pg';
import {
  type Checkpoint,
  type EventPayload,
  type EventStore,
  type ReadAllPage,
  compareCheckpoints,
} from '@app/event-store';
import { startWorkerThread } from '@app/platform/pg';
import type { Generation } from '../../generations/generation';
import { closePartitions, openPartitions } from './partition-state';
import type { FromPartition, PartitionWorkerData, ToPartition } from './partition-worker';
import { UnitRouter } from './unit-router';

export interface PartitionedFillOptions {
  pool: Pool;
  store: EventStore;
  /** The database the workers connect to (each has a pool of its own). */
  url: string;
  workers: number;
  windowSize: number;
  signal?: AbortSignal;
  onCommit?: (progress: { events: number; checkpoint: Checkpoint }) => void;
}

const PAGE = 10_000;
/** Events whose receipts share the units out among the partitions (UnitRouter.plan). */
const PLAN_SAMPLE = 50_000;

interface Partition {
  worker: Worker;
  pending: number;
  checkpoint: Checkpoint;
  ended: Promise<void>;
}

/**
 * Fills the building generation with K worker threads, each owning the dossiers of its share of the units
 * (UnitRouter): this thread reads the log once, in pages, and hands each worker its share of every page; the
 * workers prepare and write in parallel, each with its own checkpoint (read_models.rebuild_partitions). When the
 * log is exhausted every worker applies what it holds and moves its checkpoint to the end of the last page; then
 * the generation's checkpoint moves there in one transaction, and the single-process rebuild carries on from it
 * (indexes, last catch-up, switch-over). Interrupted (the signal), the workers are stopped at once: each partition
 * keeps what it committed and the next run resumes each where it stood. Returns the events the workers applied.
 */
export async function fillPartitioned(options: PartitionedFillOptions, generation: Generation): Promise<number> {
  const states = await openPartitions(options.pool, generation.id, options.workers, generation.checkpoint);
  const from = states.map((s) => s.checkpoint).reduce((a, b) => (compareCheckpoints(a, b) <= 0 ? a : b));
  const router = new UnitRouter(options.store, states);
  const limit = Math.min(options.windowSize, PAGE);
  // Enough pages queued for each worker to hold a window being written and the next one filling, and no more.
  const maxPending = 2 * Math.ceil((options.windowSize * options.workers) / limit) + 2;
  let applied = 0;
  let failure: Error | undefined;
  let wake: () => void = () => undefined;
  const file = path.join(__dirname, `partition-worker${path.extname(__filename)}`);
  const partitions: Partition[] = states.map((state) => {
    const data: PartitionWorkerData = {
      url: options.url,
      generation: generation.id,
      partition: state.partition,
      from: state.checkpoint,
      windowSize: options.windowSize,
    };
    const worker = startWorkerThread(file, { workerData: data });
    const partition: Partition = { worker, pending: 0, checkpoint: state.checkpoint, ended: Promise.resolve() };
    partition.ended = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        failure ??= error;
        reject(error);
        wake();
      };
      worker.on('message', (message: FromPartition) => {
        if (message.type === 'committed') {
          partition.pending -= message.pages;
          partition.checkpoint = message.checkpoint;
          applied += message.events;
          const slowest = partitions.map((p) => p.checkpoint).reduce((a, b) => (compareCheckpoints(a, b) <= 0 ? a : b));
          options.onCommit?.({ events: applied, checkpoint: slowest });
          wake();
        } else if (message.type === 'ended') resolve();
        else fail(new Error(`rebuild partition ${state.partition} failed: ${message.error}`));
      });
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`rebuild partition ${state.partition} exited with code ${code}`)));
    });
    partition.ended.catch(() => undefined);
    return partition;
  });
  const send = (partition: Partition, message: ToPartition) => partition.worker.postMessage(message);
  const room = () => partitions.every((p) => p.pending <= maxPending);
  options.signal?.addEventListener('abort', () => wake(), { once: true });

  try {
    let end = from;
    let next: Promise<ReadAllPage<EventPayload>> = options.store.readAllPayloads({ after: from, limit });
    let planned = false;
    for (;;) {
      const page = await next;
      if (page.events.length === 0 || options.signal?.aborted || failure) break;
      next = options.store.readAllPayloads({ after: page.checkpoint, limit });
      next.catch(() => undefined);
      if (!planned) {
        router.plan((await options.store.readAllPayloads({ after: from, limit: PLAN_SAMPLE })).events);
        planned = true;
      }
      const routed = await router.route(page.events);
      partitions.forEach((p, k) => {
        p.pending++;
        send(p, { type: 'page', events: routed.shares[k] ?? [], to: page.checkpoint, units: routed.newUnits[k] ?? [] });
      });
      end = page.checkpoint;
      while (!room() && !failure && !options.signal?.aborted) await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
    if (options.signal?.aborted) return applied;
    for (const p of partitions) send(p, { type: 'end', to: end });
    await Promise.all(partitions.map((p) => p.ended));
    await closePartitions(options.pool, generation.id, end);
    return applied;
  } finally {
    await Promise.all(partitions.map((p) => p.worker.terminate()));
  }
}
