import { type DossierRecord, type Figures, type Period, computeFigures } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { LogBound } from './log-bound';
import { replayRecords } from './replay-records';

/** What a report asks of a replay: the period, the receiving units in scope, the grouping, the instant. */
export interface ReplayFiguresRequest {
  period: Period;
  units: readonly string[];
  by: 'unit' | 'procedure';
  /** ISO instant: only events recorded up to it. */
  recordedUpTo?: string;
  /** Only the events up to this position of the log. */
  upTo?: LogBound;
}

export interface ReplayFiguresResult {
  /** [unit id or procedure code, figures]: only groups with dossiers. */
  figures: [string, Figures][];
  events: number;
  seconds: number;
}

/** The auditor's recomputation of a report's figures: replay the log, keep the units in scope, computeFigures per group. */
export async function replayFigures(store: EventStore, request: ReplayFiguresRequest): Promise<ReplayFiguresResult> {
  const replay = await replayRecords(store, {
    ...(request.recordedUpTo ? { recordedUpTo: new Date(request.recordedUpTo) } : {}),
    ...(request.upTo ? { upTo: request.upTo } : {}),
  });
  return { figures: figuresOfRecords(replay.records, request), events: replay.events, seconds: replay.seconds };
}

/** The figures of the records in scope, per group. */
export function figuresOfRecords(
  records: readonly DossierRecord[],
  request: ReplayFiguresRequest,
): [string, Figures][] {
  const members = new Set(request.units);
  // Grouped here in one pass (the domain's computeFiguresBy copies its group arrays on every record: fine for a
  // report's tests, quadratic for a million dossiers); each group's figures are the domain's computeFigures.
  const groups = new Map<string, DossierRecord[]>();
  for (const record of records) {
    if (!members.has(record.receivingUnitId)) continue;
    const key = request.by === 'unit' ? record.receivingUnitId : record.procedureCode;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups].map(([key, group]) => [key, computeFigures(group, request.period)]);
}
