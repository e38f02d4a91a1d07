import type { DataSource } from 'typeorm';
import {
  type Figures,
  type LocalDate,
  type ProcedureCatalogue,
  type UnitRegistry,
  addFigures,
  emptyFigures,
  localDateOf,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import {
  type OverdueCount,
  type ReadModelReader,
  dailyFlows,
  overdueAtByUnitAndProcedure,
  overdueNowByUnitAndProcedure,
  readModelFigures,
  readModelPosition,
} from '@app/read-models';
import { resolveScope } from '@app/reports';
import {
  type DashboardAnswer,
  type OverdueBasis,
  type ProjectorLagAnswer,
  lateProcedures,
  overdueByUnit,
  receivedSeries,
  resultSeries,
  unitsByOnTime,
} from './dashboard-answer';
import type { DashboardRequest } from './dashboard-request';

export interface DashboardServiceDeps {
  dataSource: DataSource;
  store: Pick<EventStore, 'readAll'>;
  reference: () => Promise<{ units: UnitRegistry; procedures: ProcedureCatalogue }>;
  now?: () => Date;
}

/** Events after the read models' checkpoint counted at most (the lag is then "at least"). */
const LAG_LIMIT = 1000;

/**
 * The director's dashboard: every number from the read models (the per-unit counters and the dossier rows), read in
 * one REPEATABLE READ snapshot together with the log position they are at — never a replay. The scope is resolved
 * as the figures endpoint resolves it, so the series add up to its figures for the same period and units.
 */
export class DashboardService {
  constructor(private readonly deps: DashboardServiceDeps) {}

  /** `authorize` sees the scope's units before anything is read (and may throw). */
  async dashboard(request: DashboardRequest, authorize?: (unitIds: string[]) => void): Promise<DashboardAnswer> {
    const reference = await this.deps.reference();
    const scope = resolveScope({ ...request, groupBy: 'none', source: 'read-model', format: 'json' }, reference.units);
    const units = scope.units.map((u) => u.id);
    authorize?.(units);
    const now = this.deps.now?.() ?? new Date();
    const today = localDateOf(now);
    const { from, to } = request.period;
    const live = to >= today;
    const asOf: LocalDate = live ? today : to;
    const overdue: OverdueBasis = live
      ? { basis: 'work-queue', asOf: today, unitOf: 'current' }
      : { basis: 'period-end', asOf: to, unitOf: 'receiving' };

    const read = await this.inSnapshot(async (reader) => {
      const position = await readModelPosition(reader);
      const flows = await dailyFlows(reader, { units, from, to, interval: request.interval });
      const byUnit = await readModelFigures(reader, { period: request.period, units, by: 'unit' });
      const atAsOf =
        asOf === to ? byUnit : await readModelFigures(reader, { period: { from: asOf, to: asOf }, units, by: 'unit' });
      const byProcedure = await readModelFigures(reader, { period: request.period, units, by: 'procedure' });
      const overdueCounts: OverdueCount[] = live
        ? await overdueNowByUnitAndProcedure(reader, { units, today })
        : await overdueAtByUnitAndProcedure(reader, { units, day: to });
      return { position, flows, byUnit, atAsOf, byProcedure, overdueCounts };
    });
    const open = sum(read.atAsOf);
    const names = new Map(scope.units.map((u) => [u.id, u.name]));
    return {
      period: request.period,
      interval: request.interval,
      units,
      projector: await this.lag(read.position.checkpoint),
      received: receivedSeries(read.flows),
      results: resultSeries(read.flows),
      inProgress: { within: open.inProgress.withinDeadline, overdue: open.inProgress.overdue, asOf },
      overdue,
      overdueByUnit: overdueByUnit(read.overdueCounts, names),
      lateProcedures: lateProcedures(read.byProcedure, read.overdueCounts, (code) =>
        procedureName(reference.procedures, code, to),
      ),
      unitsByOnTime: unitsByOnTime(read.byUnit, scope.units),
      generatedAt: now.toISOString(),
    };
  }

  /** The events recorded after the read models' checkpoint: how many (up to LAG_LIMIT) and the oldest one's age. */
  private async lag(checkpoint: { transactionId: string; globalPosition: number }): Promise<ProjectorLagAnswer> {
    const page = await this.deps.store.readAll({ after: checkpoint, limit: LAG_LIMIT });
    const oldest = page.events[0];
    const now = this.deps.now?.() ?? new Date();
    return {
      globalPosition: checkpoint.globalPosition,
      lagEvents: page.events.length,
      lagCapped: page.events.length >= LAG_LIMIT,
      lagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.recordedAt.getTime()) / 100) / 10) : 0,
    };
  }

  private async inSnapshot<T>(read: (reader: ReadModelReader) => Promise<T>): Promise<T> {
    const runner = this.deps.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const result = await read(runner);
      await runner.commitTransaction();
      return result;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}

function sum(figures: ReadonlyMap<string, Figures>): Figures {
  return [...figures.values()].reduce((total, f) => addFigures(total, f), emptyFigures());
}

function procedureName(catalogue: ProcedureCatalogue, code: string, date: string): string {
  return (catalogue.procedureAt(code, date) ?? catalogue.procedures.find((p) => p.code === code))?.name ?? code;
}
