import type { DataSource } from 'typeorm';
import { type Figures, type LocalDate, type Period, addDays } from '@app/domain';
import { MEASURES, type MeasureVector, zeroVector } from '../projection/measures';
import { figuresFromMeasures } from './figures-from-measures';

/** What the figures are read through: the DataSource, or a QueryRunner holding a transaction (one snapshot). */
export type ReadModelReader = Pick<DataSource, 'query'>;

export interface ReadModelFiguresQuery {
  period: Period;
  units: readonly string[];
  /** 'unit' (default): one entry per unit that has counters; 'procedure': one per procedure over the units. */
  by?: 'unit' | 'procedure';
}

/** Prefix sum bounds of a day: whole years before its year, whole months before its month, days of its month. */
function cut(day: LocalDate): [LocalDate, LocalDate, LocalDate] {
  return [`${day.slice(0, 4)}-01-01`, `${day.slice(0, 7)}-01`, day];
}

function sql(by: 'unit' | 'procedure'): string {
  const table = by === 'unit' ? 'read_models.unit_counters' : 'read_models.unit_procedure_counters';
  const key = by === 'unit' ? 'c.unit_id' : 'c.procedure_code';
  const sums = MEASURES.map((m) => `sum(c.${m})::int8 AS ${m}`).join(', ');
  return `SELECT k.cut, ${key} AS key, ${sums}
    FROM (VALUES (0, $2::date, $3::date, $4::date), (1, $5::date, $6::date, $7::date)) AS k(cut, year_start, month_start, day)
    JOIN ${table} AS c ON c.unit_id = ANY ($1::text[]) AND (
         (c.grain = 'y' AND c.period < k.year_start)
      OR (c.grain = 'm' AND c.period >= k.year_start AND c.period < k.month_start)
      OR (c.grain = 'd' AND c.period >= k.month_start AND c.period <= k.day))
    GROUP BY k.cut, ${key}`;
}

/**
 * Figures of a period from the per-unit counters of the active generation: two prefix sums per group (the day
 * before `from`, and `to`), at most ~45 counter rows per unit and cut whatever the length of the history.
 */
export async function readModelFigures(
  dataSource: ReadModelReader,
  query: ReadModelFiguresQuery,
): Promise<Map<string, Figures>> {
  const by = query.by ?? 'unit';
  const before = addDays(query.period.from, -1);
  const rows: Record<string, string | number>[] = await dataSource.query(sql(by), [
    [...query.units],
    ...cut(before),
    ...cut(query.period.to),
  ]);
  const cuts = new Map<string, { before: MeasureVector; end: MeasureVector }>();
  for (const row of rows) {
    const key = String(row.key);
    const entry = cuts.get(key) ?? { before: zeroVector(), end: zeroVector() };
    const vector = MEASURES.map((m) => Number(row[m]));
    if (Number(row.cut) === 0) entry.before = vector;
    else entry.end = vector;
    cuts.set(key, entry);
  }
  return new Map([...cuts].map(([key, measures]) => [key, figuresFromMeasures(measures)]));
}

/** The active generation and its checkpoint: read in the same transaction as figures, the log position they are at. */
export async function readModelPosition(
  reader: ReadModelReader,
): Promise<{ generation: number; checkpoint: { transactionId: string; globalPosition: number } }> {
  const rows: { id: number; transaction_id: string; global_position: string }[] = await reader.query(
    `SELECT id, transaction_id::text AS transaction_id, global_position::text AS global_position
     FROM read_models.generations WHERE status = 'active'`,
  );
  const row = rows[0];
  if (!row) throw new Error('No active read-model generation: run the migrations (read-models/001).');
  return {
    generation: Number(row.id),
    checkpoint: { transactionId: row.transaction_id, globalPosition: Number(row.global_position) },
  };
}
