import { type Checkpoint, type EventPayload, type Queryable, compareCheckpoints } from '@app/event-store';
import { CheckpointGapError, GenerationChangedError, type GenerationStatus } from '../generations/generation';
import { lockGeneration, saveGenerationCheckpoint } from '../generations/generation-repository';
import { addUnitCounters, addUnitProcedureCounters, loadDossiers, upsertDossiers } from './batch-writer';
import { type PreparedBatch, eventsByDossier, freshEvents, prepareBatch } from './prepared-batch';

export interface BatchOptions {
  generation: number;
  /** The statuses the generation may have (the live projector: active; a rebuild: building). */
  expect: readonly GenerationStatus[];
  /** Where the writer believes the generation stands; a stored checkpoint before it would be a hole. */
  from?: Checkpoint;
  /** The page's checkpoint (past events the page filtered out). */
  to: Checkpoint;
}

export interface BatchResult {
  /** Events after the stored checkpoint (the rest had been applied before: redelivery). */
  fresh: number;
  dossiers: number;
  unreadable: number;
  checkpoint: Checkpoint;
}

/**
 * Applies a page of the global log to a generation, inside the caller's transaction: locks the generation row,
 * drops what the stored checkpoint says was applied already, folds each dossier's new events into its record,
 * writes the rows, the counter deltas and the new checkpoint. Commit or roll back together: never counted twice.
 */
export async function applyBatch(
  db: Queryable,
  events: readonly EventPayload[],
  options: BatchOptions,
): Promise<BatchResult> {
  const stored = await lockExpected(db, options.generation, options.expect);
  if (options.from && compareCheckpoints(stored, options.from) < 0)
    throw new CheckpointGapError(options.generation, stored, options.from);
  const fresh = freshEvents(events, stored);
  const byDossier = eventsByDossier(fresh);
  const existing = await loadDossiers(db, options.generation, [...byDossier.keys()]);
  const prepared = prepareBatch(byDossier, existing, { after: stored, to: options.to, fresh: fresh.length });
  await writePrepared(db, options.generation, prepared);
  return {
    fresh: prepared.fresh,
    dossiers: prepared.rows.length,
    unreadable: prepared.unreadable,
    checkpoint: prepared.checkpoint,
  };
}

/**
 * Writes a batch prepared ahead of time (a rebuild prepares the next batch while this one is written), inside the
 * caller's transaction. The generation must still be exactly where the batch was prepared.
 */
export async function writePreparedBatch(
  db: Queryable,
  generation: number,
  expect: readonly GenerationStatus[],
  prepared: PreparedBatch,
): Promise<void> {
  const stored = await lockExpected(db, generation, expect);
  if (compareCheckpoints(stored, prepared.after) !== 0)
    throw new CheckpointGapError(generation, stored, prepared.after);
  await writePrepared(db, generation, prepared);
}

async function lockExpected(db: Queryable, id: number, expect: readonly GenerationStatus[]): Promise<Checkpoint> {
  const generation = await lockGeneration(db, id);
  if (!expect.includes(generation.status)) throw new GenerationChangedError(generation.id, generation.status);
  return generation.checkpoint;
}

async function writePrepared(db: Queryable, generation: number, prepared: PreparedBatch): Promise<void> {
  await upsertDossiers(db, generation, prepared.rows);
  await addUnitCounters(db, generation, prepared.unitDeltas);
  await addUnitProcedureCounters(db, generation, prepared.unitProcedureDeltas);
  await saveGenerationCheckpoint(db, generation, prepared.checkpoint, prepared.fresh);
}
