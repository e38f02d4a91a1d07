import type { DossierEvent } from '@app/domain';
import { activeGeneration } from '../generations/generation-repository';
import { applyBatch } from '../projection/apply-batch';
import { MEASURES } from '../projection/measures';
import { inTransaction } from '@app/platform/pg';
import { toNewEvent } from './append-histories';
import type { ReadModelTestKit } from './read-model-test-kit';

export type CounterChanges = Record<string, Record<string, number>>;

/** Appends one stream's events, then applies every pending page of the log to the active generation. */
export async function appendAndProject(
  kit: ReadModelTestKit,
  streamId: string,
  events: readonly DossierEvent[],
): Promise<void> {
  if (events.length > 0) await kit.store.append(streamId, events.map(toNewEvent));
  await projectPending(kit);
}

export async function projectPending(kit: ReadModelTestKit, pageSize = 1000): Promise<void> {
  for (;;) {
    const generation = await activeGeneration(kit.database.pool);
    const page = await kit.store.readAll({ after: generation.checkpoint, limit: pageSize });
    if (page.events.length === 0) return;
    await inTransaction(kit.database.pool, (client) =>
      applyBatch(client, page.events, { generation: generation.id, expect: ['active'], to: page.checkpoint }),
    );
  }
}

/** Non-zero daily counters, keyed "<unit or unit/procedure> <day>". */
export async function dailyCounters(
  kit: ReadModelTestKit,
  table: 'unit_counters' | 'unit_procedure_counters' = 'unit_counters',
): Promise<CounterChanges> {
  const key = table === 'unit_counters' ? 'unit_id' : `unit_id || '/' || procedure_code`;
  const { rows } = await kit.database.pool.query<Record<string, string | number>>(
    `SELECT ${key} AS key, to_char(period, 'YYYY-MM-DD') AS day, ${MEASURES.join(', ')} FROM read_models.${table} WHERE grain = 'd'`,
  );
  const counters: CounterChanges = {};
  for (const row of rows) {
    const measures: Record<string, number> = {};
    for (const m of MEASURES) if (Number(row[m]) !== 0) measures[m] = Number(row[m]);
    if (Object.keys(measures).length > 0) counters[`${row.key} ${row.day}`] = measures;
  }
  return counters;
}

/** after − before, per key and measure, zeros left out. */
export function counterChanges(before: CounterChanges, after: CounterChanges): CounterChanges {
  const changes: CounterChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const diff: Record<string, number> = {};
    for (const m of MEASURES) {
      const d = (after[key]?.[m] ?? 0) - (before[key]?.[m] ?? 0);
      if (d !== 0) diff[m] = d;
    }
    if (Object.keys(diff).length > 0) changes[key] = diff;
  }
  return changes;
}

export async function dossierRow(
  kit: ReadModelTestKit,
  dossierId: string,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await kit.database.pool.query(
    `SELECT *, to_char(received_on, 'YYYY-MM-DD') AS received_on, to_char(due_date, 'YYYY-MM-DD') AS due_date,
       to_char(appointment_date, 'YYYY-MM-DD') AS appointment_date, to_char(result_on, 'YYYY-MM-DD') AS result_on,
       to_char(returned_on, 'YYYY-MM-DD') AS returned_on, to_char(withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on,
       to_char(stopped_on, 'YYYY-MM-DD') AS stopped_on, to_char(waiting_since, 'YYYY-MM-DD') AS waiting_since
     FROM read_models.dossiers WHERE dossier_id = $1`,
    [dossierId],
  );
  return rows[0];
}
