import type { Queryable } from '@app/event-store';
import { MEASURES } from '../projection/measures';

/**
 * Everything the active generation holds, in a canonical order, for "equal read models" assertions. Counter rows
 * whose measures are all zero are left out: they are the trace of steps that cancelled out across batches (a
 * correction moved a dossier's step) and sum to nothing, so batch boundaries do not change the content.
 */
export async function readModelSnapshot(
  db: Queryable,
): Promise<{ dossiers: unknown[]; unitCounters: unknown[]; unitProcedureCounters: unknown[] }> {
  const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');
  const dossiers = await db.query({ text: `SELECT * FROM read_models.dossiers ORDER BY dossier_id` });
  const units = await db.query({
    text: `SELECT * FROM read_models.unit_counters WHERE ${nonZero} ORDER BY unit_id, grain, period`,
  });
  const procedures = await db.query({
    text: `SELECT * FROM read_models.unit_procedure_counters WHERE ${nonZero} ORDER BY unit_id, procedure_code, grain, period`,
  });
  return {
    dossiers: dossiers.rows,
    unitCounters: units.rows,
    unitProcedureCounters: procedures.rows,
  };
}
