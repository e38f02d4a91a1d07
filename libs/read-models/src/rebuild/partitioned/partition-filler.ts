import type { Pool } from 'pg';
import type { Checkpoint, EventPayload } from '@app/event-store';
import { inTransaction } from '@app/platform/pg';
import { loadDossiers } from '../../projection/batch-writer';
import type { StoredDossier } from '../../projection/dossier-projection';
import { eventsByDossier, freshEvents, prepareBatch } from '../../projection/prepared-batch';
import { RecordCache } from '../record-cache';
import { writePartitionBatch } from './partition-writer';

export interface PartitionFillerOptions {
  pool: Pool;
  generation: number;
  partition: number;
  /** The partition's stored checkpoint: events at or before it were applied by an earlier run. */
  from: Checkpoint;
  /** Events per transaction. */
  windowSize: number;
  /** After each commit: the pages it covered and the events it applied. */
  onCommit?: (commit: { pages: number; events: number; checkpoint: Checkpoint }) => void;
}

const CACHE = 150_000;

/**
 * One partition's share of the rebuild: the pages the coordinator routed to it (each with the log position it
 * reached), applied in transactions of about `windowSize` events, as the single-process fill does: the next window
 * is prepared from the records kept in memory while the previous one is written, windows commit in log order, each
 * with the partition's checkpoint.
 */
export class PartitionFiller {
  private readonly cache = new RecordCache(CACHE);
  private position: Checkpoint;
  private window: EventPayload[] = [];
  private windowEnd: Checkpoint;
  private windowPages = 0;
  private units: string[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: PartitionFillerOptions) {
    this.position = options.from;
    this.windowEnd = options.from;
  }

  /** A routed page: this partition's events of it (log order) and where the page ends in the log. */
  async add(events: readonly EventPayload[], to: Checkpoint, newUnits: readonly string[]): Promise<void> {
    for (const event of events) this.window.push(event);
    this.windowEnd = to;
    this.windowPages++;
    this.units.push(...newUnits);
    if (this.window.length >= this.options.windowSize) await this.flush();
  }

  /** Applies what is left and moves the partition's checkpoint to `to` (even with nothing of its own to write). */
  async end(to: Checkpoint): Promise<void> {
    this.windowEnd = to;
    await this.flush();
    await this.writing;
  }

  private async flush(): Promise<void> {
    const { pool, generation, partition } = this.options;
    const fresh = freshEvents(this.window, this.position);
    const pages = this.windowPages;
    const units = this.units;
    this.window = [];
    this.windowPages = 0;
    this.units = [];
    const byDossier = eventsByDossier(fresh);
    const stored = new Map<string, StoredDossier>();
    const missing: string[] = [];
    for (const id of byDossier.keys()) {
      const cached = this.cache.get(id);
      if (cached) stored.set(id, cached);
      else missing.push(id);
    }
    // Records not in the cache were not changed by the batch being written (its records are all cached): read them now.
    for (const [id, dossier] of await loadDossiers(pool, generation, missing)) stored.set(id, dossier);
    const prepared = prepareBatch(byDossier, stored, { after: this.position, to: this.windowEnd, fresh: fresh.length });
    this.cache.update(prepared.changed);
    this.position = prepared.checkpoint;
    await this.writing;
    this.writing = inTransaction(pool, (client) =>
      writePartitionBatch(client, generation, partition, prepared, units),
    ).then(() => this.options.onCommit?.({ pages, events: prepared.fresh, checkpoint: prepared.checkpoint }));
    this.writing.catch(() => undefined);
  }
}
