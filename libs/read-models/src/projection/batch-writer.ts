import type { Queryable } from '@app/event-store';
import { generationTable } from '../generations/generation';
import type { UnitCounterDelta, UnitProcedureCounterDelta } from './counter-deltas';
import { DOSSIER_COLUMNS, type DossierRow, RECORD_COLUMNS, type StoredRow, recordFromRow } from './dossier-row';
import { MEASURES } from './measures';
import type { StoredDossier } from './dossier-projection';

/**
 * The projector's SQL: one statement per table and batch, rows passed as one JSON array (json_populate_recordset),
 * so a batch of thousands of events costs a handful of round trips.
 */
export async function loadDossiers(
  db: Queryable,
  generation: number,
  ids: readonly string[],
): Promise<Map<string, StoredDossier>> {
  const stored = new Map<string, StoredDossier>();
  if (ids.length === 0) return stored;
  const { rows } = await db.query<StoredRow>({
    text: `SELECT ${RECORD_COLUMNS} FROM ${generationTable('dossiers', generation)} WHERE dossier_id = ANY ($1::text[])`,
    values: [ids],
  });
  for (const row of rows)
    stored.set(row.dossier_id, {
      dossierId: row.dossier_id,
      streamPosition: row.stream_position,
      record: recordFromRow(row),
      receivedBy: row.received_by,
    });
  return stored;
}

export async function upsertDossiers(db: Queryable, generation: number, rows: readonly DossierRow[]): Promise<void> {
  if (rows.length === 0) return;
  const table = generationTable('dossiers', generation);
  const updates = DOSSIER_COLUMNS.filter((c) => c !== 'dossier_id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await db.query({
    text: `INSERT INTO ${table} AS d SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)
           ON CONFLICT (dossier_id) DO UPDATE SET ${updates} WHERE d.stream_position < EXCLUDED.stream_position`,
    values: [JSON.stringify(rows)],
  });
}

export async function addUnitCounters(
  db: Queryable,
  generation: number,
  deltas: readonly UnitCounterDelta[],
): Promise<void> {
  if (deltas.length === 0) return;
  const rows = deltas.map((d) => ({ unit_id: d.unitId, grain: d.grain, period: d.period, ...measureColumns(d.delta) }));
  await addCounters(db, generationTable('unit_counters', generation), 'unit_id, grain, period', rows);
}

export async function addUnitProcedureCounters(
  db: Queryable,
  generation: number,
  deltas: readonly UnitProcedureCounterDelta[],
): Promise<void> {
  if (deltas.length === 0) return;
  const rows = deltas.map((d) => ({
    unit_id: d.unitId,
    procedure_code: d.procedureCode,
    grain: d.grain,
    period: d.period,
    ...measureColumns(d.delta),
  }));
  await addCounters(
    db,
    generationTable('unit_procedure_counters', generation),
    'unit_id, procedure_code, grain, period',
    rows,
  );
}

async function addCounters(
  db: Queryable,
  table: string,
  key: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const sums = MEASURES.map((m) => `${m} = c.${m} + EXCLUDED.${m}`).join(', ');
  await db.query({
    text: `INSERT INTO ${table} AS c SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)
           ON CONFLICT (${key}) DO UPDATE SET ${sums}`,
    values: [JSON.stringify(rows)],
  });
}

function measureColumns(delta: readonly number[]): Record<string, number> {
  const columns: Record<string, number> = {};
  MEASURES.forEach((m, i) => (columns[m] = delta[i] as number));
  return columns;
}
