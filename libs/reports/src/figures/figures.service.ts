import type { DataSource } from 'typeorm';
import { type Figures, type ProcedureCatalogue, type UnitRegistry, addFigures, emptyFigures } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { readModelFigures } from '@app/read-models';
import type { ReportRequest } from '../query/report-request';
import { type ReplayFiguresRequest, type ReplayFiguresResult, replayFigures } from '../replay/replay-figures';
import type { FiguresReport, ReportGroupFigures } from './figures-report';
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
}

/**
 * Figures for a period from one of two sources that must agree: the read models (per-unit counters, fast) or a
 * replay of the event log folded by the domain (the auditor's recomputation). `asKnownAt` always replays (only the
 * log knows what was recorded when): the report then says `source: 'replay'` and `requestedSource`.
 */
export class FiguresService {
  constructor(private readonly deps: FiguresServiceDeps) {}

  /** `authorize` sees the units the report would read before anything is computed (and may throw). */
  async report(request: ReportRequest, authorize?: (unitIds: string[]) => void): Promise<FiguresReport> {
    const reference = await this.deps.reference();
    const subjects = this.deps.levelSubjects ?? DEFAULT_LEVEL_SUBJECTS;
    const scope = resolveScope(request, reference.units, subjects);
    authorize?.(scope.units.map((u) => u.id));
    const source = request.asKnownAt ? 'replay' : request.source;
    const key = request.groupBy === 'procedure' ? 'procedure' : 'unit';
    const { figures, eventsReplayed } =
      source === 'replay'
        ? await this.fromReplay(request, scope, key)
        : { figures: await this.fromReadModel(request, scope, key), eventsReplayed: null };

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
      generatedAt: (this.deps.now?.() ?? new Date()).toISOString(),
      eventsReplayed,
      groups,
      total: groups.reduce((sum, g) => addFigures(sum, g.figures), emptyFigures()),
    };
  }

  private async fromReadModel(
    request: ReportRequest,
    scope: ReportScope,
    by: 'unit' | 'procedure',
  ): Promise<Map<string, Figures>> {
    return readModelFigures(this.deps.dataSource, { period: request.period, units: scope.units.map((u) => u.id), by });
  }

  private async fromReplay(
    request: ReportRequest,
    scope: ReportScope,
    by: 'unit' | 'procedure',
  ): Promise<{ figures: Map<string, Figures>; eventsReplayed: number }> {
    const ask: ReplayFiguresRequest = {
      period: request.period,
      units: scope.units.map((u) => u.id),
      by,
      ...(request.asKnownAt ? { recordedUpTo: request.asKnownAt.toISOString() } : {}),
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
