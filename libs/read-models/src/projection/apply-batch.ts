import { type Checkpoint, type Queryable, type RecordedEvent, checkpointOf, compareCheckpoints } from '@app/event-store';
import { CheckpointGapError, GenerationChangedError, type GenerationStatus } from '../generations/generation';
import { lockGeneration, saveGenerationCheckpoint } from '../generations/generation-repository';
import { addUnitCounters, addUnitProcedureCounters, loadDossiers, upsertDossiers } from './batch-writer';
import { CounterDeltas } from './counter-deltas';
import { dossierIdOf } from './dossier-events';
import { projectDossier } from './dossier-projection';
import { type DossierRow, dossierRow } from './dossier-row';

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
export async function applyBatch(db: Queryable, events: readonly RecordedEvent[], options: BatchOptions): Promise<BatchResult> {
  const generation = await lockGeneration(db, options.generation);
  if (!options.expect.includes(generation.status)) throw new GenerationChangedError(generation.id, generation.status);
  const stored = generation.checkpoint;
  if (options.from && compareCheckpoints(stored, options.from) < 0) throw new CheckpointGapError(generation.id, stored, options.from);

  const fresh = events.filter((e) => compareCheckpoints(checkpointOf(e), stored) > 0);
  const byDossier = new Map<string, RecordedEvent[]>();
  for (const event of fresh) {
    const id = dossierIdOf(event.streamId);
    if (id === null) continue;
    const list = byDossier.get(id);
    if (list) list.push(event);
    else byDossier.set(id, [event]);
  }

  const existing = await loadDossiers(db, generation.id, [...byDossier.keys()]);
  const deltas = new CounterDeltas();
  const rows: DossierRow[] = [];
  let unreadable = 0;
  for (const [id, list] of byDossier) {
    const change = projectDossier(id, existing.get(id), list);
    unreadable += change.unreadable;
    if (change.applied === 0 || change.after === null) continue;
    deltas.change(change.before, change.after);
    rows.push(dossierRow(change.after, id, change.streamPosition, change.lastGlobalPosition));
  }

  await upsertDossiers(db, generation.id, rows);
  await addUnitCounters(db, generation.id, deltas.unitDeltas());
  await addUnitProcedureCounters(db, generation.id, deltas.unitProcedureDeltas());
  const checkpoint = compareCheckpoints(options.to, stored) > 0 ? options.to : stored;
  await saveGenerationCheckpoint(db, generation.id, checkpoint, fresh.length);
  return { fresh: fresh.length, dossiers: rows.length, unreadable, checkpoint };
}
