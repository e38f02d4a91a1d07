import type { DataSource } from 'typeorm';
import type { Checkpoint } from '@app/event-store';
import {
  type Figures,
  type Period,
  type ProcedureCatalogue,
  type UnitRegistry,
  addFigures,
  emptyFigures,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { type ReadModelReader, readModelFigures, readModelPosition } from '@app/read-models';
import type { ReportRequest } from '../query/report-request';
import { type ReplayFiguresRequest, type ReplayFiguresResult, replayFigures } from '../replay/replay-figures';
import { type LogBound, formatBound } from '../replay/log-bound';
import type { FiguresReport, ReportGroupFigures } from './figures-report';
import { type ReportWarning, knownAtWarnings, scopeWarnings } from './report-warnings';
import { type LevelSubjects, DEFAULT_LEVEL_SUBJECTS, pluralSubject } from './level-subjects';
import { type ReportScope, type ScopeGroup, type ScopeUnit, resolveScope } from './report-scope';

export interface FiguresServiceDeps {
  dataSource: DataSource;
  store: EventStore;
  /** The reference data in force (units; procedures name the procedure lines). */
  reference: () => Promise<{ units: UnitRegistry; procedures?: ProcedureCatalogue }>;
  levelSubjects?: LevelSubjects;
  now?: () => Date;
  /** How to replay the log (default: on this thread through `store`; the app uses replayFiguresInWorker). */
  replay?: (request: ReplayFiguresRequest) => Promise<ReplayFiguresResult>;
  /** The position a filed report was computed at (asKnownAt=<filing id>); throws when there is no such filing. */
  filingPosition?: (filingId: string) => Promise<LogBound>;
}

/** Figures read from the read models in one snapshot, with the log position that snapshot is at. */
export interface PositionedReport {
  report: FiguresReport;
  generation: number;
  checkpoint: Checkpoint;
}

/**
 * Figures for a period from one of two sources that must agree: the read models (per-unit counters, fast) or a
 * replay of the event log folded by the domain (the auditor's recomputation). `asKnownAt` always replays (only the
 * log knows what was recorded when): the report then says `source: 'replay'` and `requestedSource`.
 */
export class FiguresService {
  constructor(private readonly deps: FiguresServiceDeps) {}

  /** `authorize` sees the units the report would read before anything is computed (and may throw). */
  report(request: ReportRequest, authorize?: (unitIds: string[]) => void): Promise<FiguresReport> {
    return this.build(request, authorize, this.deps.dataSource);
  }

  /**
   * The read-model figures and the position of the log they are at, read in one REPEATABLE READ snapshot (the
   * projector writes the counters and its checkpoint in one transaction): what a filing records. `unitIds`, when
   * given, replaces the scope's units (a filing compared later keeps the units it resolved to).
   */
  async reportAtReadModelPosition(
    request: ReportRequest,
    authorize?: (unitIds: string[]) => void,
  ): Promise<PositionedReport> {
    const plain: ReportRequest = { ...request, source: 'read-model' };
    delete plain.asKnownAt;
    delete plain.asKnownAtFiling;
    delete plain.asKnownAtPosition;
    return this.inSnapshot(async (reader) => ({
      report: await this.build(plain, authorize, reader),
      ...(await readModelPosition(reader)),
    }));
  }

  /** Read-model figures per unit (or procedure over the units) and the log position, in one snapshot. */
  figuresAtReadModelPosition(query: {
    period: Period;
    units: readonly string[];
    by: 'unit' | 'procedure';
  }): Promise<{ figures: Map<string, Figures>; generation: number; checkpoint: Checkpoint }> {
    return this.inSnapshot(async (reader) => ({
      figures: await readModelFigures(reader, query),
      ...(await readModelPosition(reader)),
    }));
  }

  /** One REPEATABLE READ transaction: every read inside sees the same state of the read models. */
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

  private async build(
    request: ReportRequest,
    authorize: ((unitIds: string[]) => void) | undefined,
    reader: ReadModelReader,
  ): Promise<FiguresReport> {
    const reference = await this.deps.reference();
    const subjects = this.deps.levelSubjects ?? DEFAULT_LEVEL_SUBJECTS;
    const scope = resolveScope(request, reference.units, subjects);
    authorize?.(scope.units.map((u) => u.id));
    const bound = request.asKnownAtFiling
      ? await this.filingPosition(request.asKnownAtFiling)
      : request.asKnownAtPosition;
    const knownAt = request.asKnownAt !== undefined || bound !== undefined;
    const source = knownAt ? 'replay' : request.source;
    const key = request.groupBy === 'procedure' ? 'procedure' : 'unit';
    const { figures, eventsReplayed } =
      source === 'replay'
        ? await this.fromReplay(request, scope, key, bound)
        : { figures: await this.fromReadModel(reader, request, scope, key), eventsReplayed: null };
    const warnings: ReportWarning[] = [
      ...(knownAt
        ? knownAtWarnings(
            {
              ...(request.asKnownAt ? { instant: request.asKnownAt } : {}),
              firstRecordedAt: request.asKnownAt ? await this.firstRecordedAt() : null,
              label: request.asKnownAt ? request.asKnownAt.toISOString() : `vị trí ${formatBound(bound as LogBound)}`,
            },
            eventsReplayed ?? 0,
          )
        : []),
      ...scopeWarnings(scope, reference.units, request.period),
    ];

    const groups =
      request.groupBy === 'procedure'
        ? procedureGroups(figures, scope, reference.procedures, request.period.to)
        : scope.groups.map((group) => unitGroup(group, figures, subjects));
    return {
      period: request.period,
      groupBy: request.groupBy,
      source,
      ...(source !== request.source ? { requestedSource: request.source } : {}),
      asKnownAt: request.asKnownAt?.toISOString() ?? null,
      ...(bound ? { asKnownAtPosition: bound } : {}),
      ...(request.asKnownAtFiling ? { asKnownAtFiling: request.asKnownAtFiling } : {}),
      warnings,
      generatedAt: (this.deps.now?.() ?? new Date()).toISOString(),
      eventsReplayed,
      groups,
      total: groups.reduce((sum, g) => addFigures(sum, g.figures), emptyFigures()),
    };
  }

  private filingPosition(filingId: string): Promise<LogBound> {
    if (!this.deps.filingPosition) throw new Error('FiguresService: no filings to read asKnownAt=<filing id> from');
    return this.deps.filingPosition(filingId);
  }

  /** When the log's first event was recorded (null for an empty log). */
  private async firstRecordedAt(): Promise<Date | null> {
    const first = (await this.deps.store.readAll({ limit: 1 })).events[0];
    return first ? first.recordedAt : null;
  }

  private async fromReadModel(
    reader: ReadModelReader,
    request: ReportRequest,
    scope: ReportScope,
    by: 'unit' | 'procedure',
  ): Promise<Map<string, Figures>> {
    return readModelFigures(reader, { period: request.period, units: scope.units.map((u) => u.id), by });
  }

  private async fromReplay(
    request: ReportRequest,
    scope: ReportScope,
    by: 'unit' | 'procedure',
    bound: LogBound | undefined,
  ): Promise<{ figures: Map<string, Figures>; eventsReplayed: number }> {
    const ask: ReplayFiguresRequest = {
      period: request.period,
      units: scope.units.map((u) => u.id),
      by,
      ...(request.asKnownAt ? { recordedUpTo: request.asKnownAt.toISOString() } : {}),
      ...(bound ? { upTo: bound } : {}),
    };
    const replay = await (this.deps.replay ? this.deps.replay(ask) : replayFigures(this.deps.store, ask));
    return { figures: new Map(replay.figures), eventsReplayed: replay.events };
  }
}

const inflow = (f: Figures): number => f.carriedOver + f.received.total;

function unitGroup(group: ScopeGroup, figures: Map<string, Figures>, subjects: LevelSubjects): ReportGroupFigures {
  const total = group.units.reduce((sum, u) => addFigures(sum, figures.get(u.id) ?? emptyFigures()), emptyFigures());
  return {
    kind: group.kind,
    key: group.key,
    subject: subjectOf(group, figures, subjects),
    preposition: 'tại',
    ...(group.level ? { level: group.level } : {}),
    units: group.units.map((u) => u.id),
    figures: total,
  };
}

/**
 * A single unit is named; several units are "các <plural of their level>", unless only one of them had dossiers in
 * the period (the province level holds the People's Committee and its centre: the report names the centre).
 */
function subjectOf(group: ScopeGroup, figures: Map<string, Figures>, subjects: LevelSubjects): string {
  const active = group.units.filter((u) => inflow(figures.get(u.id) ?? emptyFigures()) > 0);
  const only: ScopeUnit | undefined =
    group.units.length === 1 ? group.units[0] : active.length === 1 ? active[0] : undefined;
  if (only) return only.name;
  const levels = [...new Set(group.units.map((u) => u.level))];
  if (levels.length === 1) return pluralSubject(levels[0] as string, subjects);
  return 'các đơn vị đã chọn';
}

function procedureGroups(
  figures: Map<string, Figures>,
  scope: ReportScope,
  catalogue: ProcedureCatalogue | undefined,
  to: string,
): ReportGroupFigures[] {
  const lines = [...figures.keys()].filter((code) => !isEmpty(figures.get(code) as Figures));
  return lines.sort().map((code) => ({
    kind: 'procedure' as const,
    key: code,
    subject: nameOf(catalogue, code, to),
    preposition: 'đối với thủ tục' as const,
    units: scope.units.map((u) => u.id),
    figures: figures.get(code) as Figures,
  }));
}

/** Nothing to report: no dossier of this line was open or moved in the period (such lines are left out). */
function isEmpty(f: Figures): boolean {
  const r = f.reconciliation;
  return (
    r.carriedOver +
      r.received +
      r.resolved +
      r.inProgress +
      r.withdrawn +
      r.stopped +
      r.waitingSupplement +
      r.waitingFinancialObligation ===
    0
  );
}

function nameOf(catalogue: ProcedureCatalogue | undefined, code: string, date: string): string {
  const procedure = catalogue?.procedureAt(code, date) ?? catalogue?.procedures.find((p) => p.code === code);
  return procedure ? procedure.name : code;
}
