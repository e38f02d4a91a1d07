import type { LocalDate } from '@app/domain';
import type { ReadModelReader } from '../figures/read-model-figures';

/** Overdue dossiers of a unit and procedure. */
export interface OverdueCount {
  unitId: string;
  procedureCode: string;
  overdue: number;
}

/**
 * Overdue now, as the work queue's overdue tab counts them: dossiers in progress whose *current* unit is one of the
 * units and whose due date is before `today` (status and due date as the dossier rows hold them now). The statement
 * is the tab's selection (`current_unit_id = U AND status = 'in_progress' AND due_date <= today − 1`), grouped: an
 * index-only scan of the queue's partial index (read-models/004), which covers procedure_code.
 */
export async function overdueNowByUnitAndProcedure(
  reader: ReadModelReader,
  query: { units: readonly string[]; today: LocalDate },
): Promise<OverdueCount[]> {
  const rows: { unit_id: string; procedure_code: string; overdue: string }[] = await reader.query(
    `SELECT d.current_unit_id AS unit_id, d.procedure_code, count(*)::int8 AS overdue
     FROM read_models.dossiers d
     WHERE d.current_unit_id = ANY ($1::text[]) AND d.status = 'in_progress' AND d.due_date <= ($2::date - 1)
     GROUP BY 1, 2`,
    [[...query.units], query.today],
  );
  return rows.map((r) => ({ unitId: r.unit_id, procedureCode: r.procedure_code, overdue: Number(r.overdue) }));
}

/**
 * Overdue at the end of a past day, as the figures count them: in progress at the end of `day` with a due date
 * before it, per *receiving* unit and procedure — the measure in_progress_overdue of the per-unit-and-procedure
 * counters summed up to `day` (years before its year, months before its month, days of its month).
 */
export async function overdueAtByUnitAndProcedure(
  reader: ReadModelReader,
  query: { units: readonly string[]; day: LocalDate },
): Promise<OverdueCount[]> {
  const rows: { unit_id: string; procedure_code: string; overdue: string }[] = await reader.query(
    `SELECT c.unit_id, c.procedure_code, sum(c.in_progress_overdue)::int8 AS overdue
     FROM read_models.unit_procedure_counters c
     WHERE c.unit_id = ANY ($1::text[]) AND (
          (c.grain = 'y' AND c.period < $2::date)
       OR (c.grain = 'm' AND c.period >= $2::date AND c.period < $3::date)
       OR (c.grain = 'd' AND c.period >= $3::date AND c.period <= $4::date))
     GROUP BY 1, 2
     HAVING sum(c.in_progress_overdue) <> 0`,
    [[...query.units], `${query.day.slice(0, 4)}-01-01`, `${query.day.slice(0, 7)}-01`, query.day],
  );
  return rows.map((r) => ({ unitId: r.unit_id, procedureCode: r.procedure_code, overdue: Number(r.overdue) }));
}
