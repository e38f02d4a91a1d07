import type { Pool } from 'pg';
import type { Checkpoint, EventPayload, EventStore, ReadAllPage } from '@app/event-store';
import type { Generation } from '../generations/generation';
import {
  activateGeneration,
  activeGeneration,
  buildingGeneration,
  createBuildingGeneration,
  discardBuildingGeneration,
  dropRetiredGenerations,
  generationById,
  indexGeneration,
  lockGeneration,
} from '../generations/generation-repository';
import { writePreparedBatch } from '../projection/apply-batch';
import { loadDossiers } from '../projection/batch-writer';
import type { StoredDossier } from '../projection/dossier-projection';
import { eventsByDossier, freshEvents, prepareBatch } from '../projection/prepared-batch';
import { RecordCache } from './record-cache';
import { PartitionCountMismatchError, storedPartitionCount } from './partitioned/partition-state';
import { fillPartitioned } from './partitioned/partitioned-fill';
import { SessionLock, inTransaction } from '@app/platform/pg';

export interface RebuildProgress {
  generation: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  checkpoint: Checkpoint;
}

export interface RebuildOptions {
  pool: Pool;
  store: EventStore;
  /** Events per transaction (default 100,000; read in pages of at most 10,000). */
  batchSize?: number;
  /**
   * Worker threads filling the new generation, each owning the dossiers of its share of the receiving units
   * (default 1: this process alone). Only the filling is parallel; indexes, last catch-up and switch-over are not.
   */
  workers?: number;
  /** The database's URL, for the workers' own connections (required with workers > 1). */
  url?: string;
  /** Discard an unfinished rebuild instead of resuming it. */
  restart?: boolean;
  /** Stop after filling (no switch-over): for measuring, or to switch later. */
  switchOver?: boolean;
  /** Stops after the batch in flight; the next rebuild resumes from there. */
  signal?: AbortSignal;
  onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildReport {
  generation: number;
  resumed: boolean;
  /** Events applied by this run. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  switched: boolean;
  interrupted: boolean;
  previousGeneration: number | null;
  dropped: number[];
}

export class RebuildInProgressError extends Error {
  constructor() {
    super('Another rebuild of the read models is running (its advisory lock is held).');
    this.name = 'RebuildInProgressError';
  }
}

/** Name of the session lock of the one rebuild at a time (another one fails at once). */
export const REBUILD_LOCK = 'read-models:rebuild';

/**
 * Blue/green rebuild: replays the whole log into a fresh generation while the active one keeps serving (and the
 * live projector keeps updating it), then switches the views over. Interrupted, it leaves the `building`
 * generation with its checkpoint, and the next run resumes there.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildReport> {
  const lock = new SessionLock(options.pool, REBUILD_LOCK);
  if (!(await lock.tryAcquire())) throw new RebuildInProgressError();
  try {
    return await rebuild(options);
  } finally {
    await lock.release();
  }
}

async function rebuild(options: RebuildOptions): Promise<RebuildReport> {
  const { pool } = options;
  if (options.restart) await discardBuildingGeneration(pool);
  const existing = await buildingGeneration(pool);
  const generation = existing ?? (await createBuildingGeneration(pool));
  const started = Date.now();
  const events = await fillFirst(options, generation, started);
  const seconds = (Date.now() - started) / 1000;
  const report: RebuildReport = {
    generation: generation.id,
    resumed: existing !== null,
    events,
    seconds,
    eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : events,
    switched: false,
    interrupted: options.signal?.aborted === true,
    previousGeneration: null,
    dropped: [],
  };
  if (report.interrupted || options.switchOver === false) return report;

  await indexGeneration(pool, generation.id);
  report.events += await fill(options, await generationById(pool, generation.id), started);
  report.previousGeneration = await switchOver(pool, generation.id);
  report.switched = true;
  // Throughput over the whole rebuild: filling, indexes, last catch-up and switch-over.
  report.seconds = (Date.now() - started) / 1000;
  report.eventsPerSecond = Math.round(report.events / Math.max(report.seconds, 0.001));
  report.dropped = await dropRetiredGenerations(pool).catch(() => []);
  return report;
}

/** The bulk of the filling: by this process, or by K partition workers (a generation keeps the way it was started). */
async function fillFirst(options: RebuildOptions, generation: Generation, started: number): Promise<number> {
  const workers = options.workers ?? 1;
  const stored = await storedPartitionCount(options.pool, generation.id);
  if (stored !== null && stored !== workers) throw new PartitionCountMismatchError(generation.id, stored, workers);
  if (workers === 1) return fill(options, generation, started);
  if (!options.url) throw new Error('A rebuild with workers needs the database URL for their connections (url).');
  return fillPartitioned(
    {
      pool: options.pool,
      store: options.store,
      url: options.url,
      workers,
      windowSize: options.batchSize ?? 100_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onCommit: ({ events, checkpoint }) => {
        const seconds = (Date.now() - started) / 1000;
        const eventsPerSecond = seconds > 0 ? Math.round(events / seconds) : 0;
        options.onProgress?.({ generation: generation.id, events, seconds, eventsPerSecond, checkpoint });
      },
    },
    generation,
  );
}

const PAGE = 10_000;
const CACHE = 150_000;

/**
 * Applies the log until it is exhausted, in transactions of about `batchSize` events: several pages read ahead are
 * applied together, so a dossier whose events fall in one window is written once and counter keys are summed
 * before they reach the table. Pipelined: the next window is read and prepared (from the records kept in memory)
 * while the previous one is written; windows still commit in log order, each with its checkpoint.
 */
async function fill(options: RebuildOptions, generation: Generation, started: number): Promise<number> {
  const windowSize = options.batchSize ?? 100_000;
  const limit = Math.min(windowSize, PAGE);
  const cache = new RecordCache(CACHE);
  let position = generation.checkpoint;
  let applied = 0;
  let writing: Promise<void> = Promise.resolve();
  let window: EventPayload[] = [];
  let windowEnd = position;

  const flush = async (): Promise<void> => {
    if (window.length === 0) return;
    const fresh = freshEvents(window, position);
    window = [];
    const byDossier = eventsByDossier(fresh);
    const stored = new Map<string, StoredDossier>();
    const missing: string[] = [];
    for (const id of byDossier.keys()) {
      const cached = cache.get(id);
      if (cached) stored.set(id, cached);
      else missing.push(id);
    }
    for (const [id, dossier] of await loadDossiers(options.pool, generation.id, missing)) stored.set(id, dossier);
    const prepared = prepareBatch(byDossier, stored, { after: position, to: windowEnd, fresh: fresh.length });
    cache.update(prepared.changed);
    position = prepared.checkpoint;
    await writing;
    writing = inTransaction(options.pool, (client) =>
      writePreparedBatch(client, generation.id, ['building'], prepared),
    ).then(() => {
      applied += prepared.fresh;
      const seconds = (Date.now() - started) / 1000;
      options.onProgress?.({
        generation: generation.id,
        events: applied,
        seconds,
        eventsPerSecond: seconds > 0 ? Math.round(applied / seconds) : 0,
        checkpoint: prepared.checkpoint,
      });
    });
    writing.catch(() => undefined);
  };

  // Payloads only (with their actor, for received_by): a projection needs no other metadata, recording times or hash links.
  let next: Promise<ReadAllPage<EventPayload>> = options.store.readAllPayloads({ after: position, limit });
  for (;;) {
    const page = await next;
    if (page.events.length === 0 || options.signal?.aborted) break;
    next = options.store.readAllPayloads({ after: page.checkpoint, limit });
    next.catch(() => undefined);
    for (const event of page.events) window.push(event);
    windowEnd = page.checkpoint;
    if (window.length >= windowSize) await flush();
  }
  await flush();
  await writing;
  return applied;
}

/**
 * Makes the rebuilt generation the active one. Locking the active generation's row waits for the live projector's
 * batch in flight; its next batch finds its generation retired and resumes on this one from this one's checkpoint
 * (so events appended since the last page are projected there, none lost).
 */
async function switchOver(pool: Pool, id: number): Promise<number> {
  return inTransaction(pool, async (client) => {
    const active = await activeGeneration(client);
    await lockGeneration(client, active.id);
    await lockGeneration(client, id);
    await activateGeneration(client, id);
    return active.id;
  });
}
