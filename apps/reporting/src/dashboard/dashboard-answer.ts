import type { Figures, Period } from '@app/domain';
import type { FlowPoint, OverdueCount, SeriesInterval } from '@app/read-models';

/** How far the read models are behind the log (the dashboard's numbers are at `globalPosition`). */
export interface ProjectorLagAnswer {
  globalPosition: number;
  /** Events recorded after it (counted up to 1,000: `lagCapped` then). */
  lagEvents: number;
  lagCapped: boolean;
  /** Age of the oldest of them, in seconds (0 when caught up). */
  lagSeconds: number;
}

/**
 * What "overdue" counts in `overdueByUnit` and `lateProcedures[].overdue`:
 * - `work-queue` (the period ends today or later): now, exactly the work queue's overdue tab — in progress, due
 *   before today, at the unit where the dossier is now (`current unit`): `GET /api/v1/work-queue?unitId=U&tab=overdue
 *   [&procedureCode=P]` counts the same;
 * - `period-end` (a past period): as the figures count it at the end of `to` — in progress then, due before `to`, at
 *   the unit that received it (Biểu 06, column 13, per unit). The work queue shows only today's overdue dossiers.
 */
export interface OverdueBasis {
  basis: 'work-queue' | 'period-end';
  asOf: string;
  unitOf: 'current' | 'receiving';
}

export interface DashboardAnswer {
  period: Period;
  interval: SeriesInterval;
  units: string[];
  projector: ProjectorLagAnswer;
  received: { date: string; counter: number; online: number; postal: number }[];
  results: { date: string; early: number; onTime: number; late: number }[];
  /** In progress (not waiting on the applicant) at the end of the period, or today when it ends today or later. */
  inProgress: { within: number; overdue: number; asOf: string };
  overdue: OverdueBasis;
  overdueByUnit: { unitId: string; unitName: string; overdue: number }[];
  lateProcedures: {
    procedureCode: string;
    procedureName: string;
    resolved: number;
    late: number;
    lateShare: number;
    /** Overdue dossiers of the procedure (same basis as overdueByUnit), and per unit (the work queue's links). */
    overdue: number;
    overdueByUnit: { unitId: string; overdue: number }[];
  }[];
  unitsByOnTime: {
    unitId: string;
    unitName: string;
    resolved: number;
    early: number;
    onTime: number;
    late: number;
    onTimeShare: number;
  }[];
  generatedAt: string;
}

export const LATE_PROCEDURES_SHOWN = 10;

export function receivedSeries(points: readonly FlowPoint[]): DashboardAnswer['received'] {
  return points.map((p) => ({ date: p.date, counter: p.counter, online: p.online, postal: p.postal }));
}

export function resultSeries(points: readonly FlowPoint[]): DashboardAnswer['results'] {
  return points.map((p) => ({ date: p.date, early: p.early, onTime: p.onTime, late: p.late }));
}

/** Units with overdue dossiers, most first (then by id). */
export function overdueByUnit(
  counts: readonly OverdueCount[],
  names: ReadonlyMap<string, string>,
): DashboardAnswer['overdueByUnit'] {
  const perUnit = new Map<string, number>();
  for (const c of counts) perUnit.set(c.unitId, (perUnit.get(c.unitId) ?? 0) + c.overdue);
  return [...perUnit]
    .filter(([, overdue]) => overdue > 0)
    .map(([unitId, overdue]) => ({ unitId, unitName: names.get(unitId) ?? unitId, overdue }))
    .sort((a, b) => b.overdue - a.overdue || a.unitId.localeCompare(b.unitId));
}

/** The procedures with late results in the period, most late first (then by late share, then code): the first 10. */
export function lateProcedures(
  figures: ReadonlyMap<string, Figures>,
  overdue: readonly OverdueCount[],
  nameOf: (code: string) => string,
): DashboardAnswer['lateProcedures'] {
  return [...figures]
    .filter(([, f]) => f.resolved.late > 0)
    .map(([code, f]) => {
      const units = overdue
        .filter((c) => c.procedureCode === code && c.overdue > 0)
        .map((c) => ({ unitId: c.unitId, overdue: c.overdue }))
        .sort((a, b) => b.overdue - a.overdue || a.unitId.localeCompare(b.unitId));
      return {
        procedureCode: code,
        procedureName: nameOf(code),
        resolved: f.resolved.total,
        late: f.resolved.late,
        lateShare: f.resolved.late / f.resolved.total,
        overdue: units.reduce((sum, u) => sum + u.overdue, 0),
        overdueByUnit: units,
      };
    })
    .sort((a, b) => b.late - a.late || b.lateShare - a.lateShare || a.procedureCode.localeCompare(b.procedureCode))
    .slice(0, LATE_PROCEDURES_SHOWN);
}

/** Units with results in the period, by (early + on time) / resolved, best first (then more results, then id). */
export function unitsByOnTime(
  figures: ReadonlyMap<string, Figures>,
  units: readonly { id: string; name: string }[],
): DashboardAnswer['unitsByOnTime'] {
  return units
    .map((u) => ({ unit: u, f: figures.get(u.id) }))
    .filter((x): x is { unit: { id: string; name: string }; f: Figures } => (x.f?.resolved.total ?? 0) > 0)
    .map(({ unit, f }) => ({
      unitId: unit.id,
      unitName: unit.name,
      resolved: f.resolved.total,
      early: f.resolved.early,
      onTime: f.resolved.onTime,
      late: f.resolved.late,
      onTimeShare: (f.resolved.early + f.resolved.onTime) / f.resolved.total,
    }))
    .sort((a, b) => b.onTimeShare - a.onTimeShare || b.resolved - a.resolved || a.unitId.localeCompare(b.unitId));
}
