import { type LocalDate, addDays, dayOfWeek } from '@app/domain';
import type { ReadModelReader } from '../figures/read-model-figures';

/** A day or an ISO week (Monday to Sunday) of a dashboard's series. */
export type SeriesInterval = 'day' | 'week';

/** The flows of one day or week: dossiers received by channel, results by class (by result date). */
export interface FlowPoint {
  /** The day, or the Monday of the week (which may fall before the period: only the period's days are counted). */
  date: LocalDate;
  counter: number;
  online: number;
  postal: number;
  early: number;
  onTime: number;
  late: number;
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * The received and resolved flows of the units per day (or week) of [from, to], from the daily rows of the
 * per-unit counters (grain 'd': the steps of the measures on that day). A flow's daily rows of a period add up to
 * its prefix-sum difference, so the series sums to the figures of the period exactly. Every day (week) of the
 * period is in the answer, zeros included, in order.
 */
export async function dailyFlows(
  reader: ReadModelReader,
  query: { units: readonly string[]; from: LocalDate; to: LocalDate; interval: SeriesInterval },
): Promise<FlowPoint[]> {
  const bucket = query.interval === 'week' ? `date_trunc('week', c.period)::date` : 'c.period';
  const rows: Record<string, string>[] = await reader.query(
    `SELECT to_char(${bucket}, 'YYYY-MM-DD') AS date,
       sum(c.received_counter)::int8 AS counter, sum(c.received_online)::int8 AS online,
       sum(c.received_postal)::int8 AS postal, sum(c.resolved_early)::int8 AS early,
       sum(c.resolved_on_time)::int8 AS on_time, sum(c.resolved_late)::int8 AS late
     FROM read_models.unit_counters c
     WHERE c.unit_id = ANY ($1::text[]) AND c.grain = 'd' AND c.period >= $2::date AND c.period <= $3::date
     GROUP BY 1`,
    [[...query.units], query.from, query.to],
  );
  const byDate = new Map(rows.map((r) => [r.date as string, r]));
  const points: FlowPoint[] = [];
  const step = query.interval === 'week' ? 7 : 1;
  for (let date = query.interval === 'week' ? mondayOf(query.from) : query.from; date <= query.to;) {
    const r = byDate.get(date);
    points.push({
      date,
      counter: Number(r?.counter ?? 0),
      online: Number(r?.online ?? 0),
      postal: Number(r?.postal ?? 0),
      early: Number(r?.early ?? 0),
      onTime: Number(r?.on_time ?? 0),
      late: Number(r?.late ?? 0),
    });
    date = addDays(date, step);
  }
  return points;
}
