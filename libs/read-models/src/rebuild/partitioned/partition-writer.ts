import type { Queryable } from '@app/event-store';
import { addUnitCounters, addUnitProcedureCounters, upsertDossiers } from '../../projection/batch-writer';
import type { UnitCounterDelta, UnitProcedureCounterDelta } from '../../projection/counter-deltas';
import type { PreparedBatch } from '../../projection/prepared-batch';
import { lockPartition, savePartitionCheckpoint } from './partition-state';

/**
 * Writes a partition's prepared batch inside the caller's transaction: its dossier rows (no other worker has them),
 * the counter deltas, its checkpoint and the units it was newly given. A unit's counters are written by its own
 * worker, except when a correction moved a dossier's receiving unit to a unit of another worker: the two may then
 * add to the same counter rows at once. The sums commute; the rows are written in one total order (unit, procedure,
 * grain, period) in every transaction, so the writers wait for each other's row locks but never deadlock.
 */
export async function writePartitionBatch(
  db: Queryable,
  generation: number,
  partition: number,
  prepared: PreparedBatch,
  newUnits: readonly string[],
): Promise<void> {
  await lockPartition(db, generation, partition, prepared.after);
  await upsertDossiers(db, generation, prepared.rows);
  await addUnitCounters(db, generation, [...prepared.unitDeltas].sort(byUnitKey));
  await addUnitProcedureCounters(db, generation, [...prepared.unitProcedureDeltas].sort(byProcedureKey));
  await savePartitionCheckpoint(db, generation, partition, prepared.checkpoint, prepared.fresh, newUnits);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byUnitKey(a: UnitCounterDelta, b: UnitCounterDelta): number {
  return compare(a.unitId, b.unitId) || compare(a.grain, b.grain) || compare(a.period, b.period);
}

function byProcedureKey(a: UnitProcedureCounterDelta, b: UnitProcedureCounterDelta): number {
  return compare(a.unitId, b.unitId) || compare(a.procedureCode, b.procedureCode) || byUnitKey(a, b);
}
