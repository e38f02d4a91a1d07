import type { LocalDate } from '@app/domain';

/**
 * A scenario: who received what over a period, and where every dossier ends up. These are the calibration
 * targets the simulator reproduces through the real command path; the report code never sees them.
 */
export interface ScenarioDefinition {
  id: string;
  description: string;
  /** The reporting period (closed interval of local dates). */
  period: { from: LocalDate; to: LocalDate };
  /** Carried-over dossiers are received within this many working days before `from`. */
  carryOverWindowWorkingDays: number;
  lines: LineTargets[];
}

/** One line of the report (a unit, or the units of a level), with its counts. */
export interface LineTargets {
  name: string;
  /** Units of the line and the share of the line's dossiers each handles (weights, any scale). */
  units: { unitId: string; weight: number }[];
  /** Procedure codes the line's units receive (each unit uses those in force for its level). */
  procedures: string[];
  /** Received within the period, by channel; counter = total − online − postal. */
  received: { postal: number; onlineShare: number };
  /** Received before `from` and still open at its start. */
  carriedOver: number;
  resolved: { early: number; onTime: number; late: number };
  inProgress: { total: number; overdue: number };
  withdrawn: number;
  stopped: number;
  waitingSupplement: number;
  waitingFinancialObligation: number;
  /** History detail that does not change the figures. */
  realism: {
    /** Share of dossiers returned once for supplementary documents before their result. */
    supplementCycle: number;
    /** Share of dossiers transferred (liên thông) after receipt, and to where. */
    transfer: number;
    transferTo: string;
    /** Share of late dossiers that got an apology letter and a new appointment. */
    rescheduleLate: number;
    /** Share of resolved dossiers whose result was handed over by the end of the period. */
    returned: number;
    /** Share of dossiers that waited for fees before their result. */
    financialCycle: number;
  };
}

export type Fate =
  | 'early'
  | 'on_time'
  | 'late'
  | 'in_progress_within'
  | 'in_progress_overdue'
  | 'withdrawn'
  | 'stopped'
  | 'waiting_supplement'
  | 'waiting_financial_obligation';

export const FATES: readonly Fate[] = [
  'early',
  'on_time',
  'late',
  'in_progress_within',
  'in_progress_overdue',
  'withdrawn',
  'stopped',
  'waiting_supplement',
  'waiting_financial_obligation',
];

/** How many dossiers of a line end in each place at the end of the period. */
export function fateCounts(line: LineTargets): Record<Fate, number> {
  return {
    early: line.resolved.early,
    on_time: line.resolved.onTime,
    late: line.resolved.late,
    in_progress_within: line.inProgress.total - line.inProgress.overdue,
    in_progress_overdue: line.inProgress.overdue,
    withdrawn: line.withdrawn,
    stopped: line.stopped,
    waiting_supplement: line.waitingSupplement,
    waiting_financial_obligation: line.waitingFinancialObligation,
  };
}

/** Dossiers received within the period: every outflow minus what was carried over (the reconciliation identity). */
export function receivedTotal(line: LineTargets): number {
  return Object.values(fateCounts(line)).reduce((a, b) => a + b, 0) - line.carriedOver;
}

/** The same scenario with every count multiplied by `scale` (rounded); the identity still holds by construction. */
export function scaled(definition: ScenarioDefinition, scale: number): ScenarioDefinition {
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${scale}`);
  const s = (n: number): number => Math.round(n * scale);
  return {
    ...definition,
    lines: definition.lines.map((line) => {
      const next: LineTargets = {
        ...line,
        carriedOver: s(line.carriedOver),
        resolved: { early: s(line.resolved.early), onTime: s(line.resolved.onTime), late: s(line.resolved.late) },
        inProgress: { total: s(line.inProgress.total), overdue: s(line.inProgress.overdue) },
        withdrawn: s(line.withdrawn),
        stopped: s(line.stopped),
        waitingSupplement: s(line.waitingSupplement),
        waitingFinancialObligation: s(line.waitingFinancialObligation),
        received: { ...line.received, postal: s(line.received.postal) },
      };
      next.carriedOver = Math.min(
        next.carriedOver,
        Object.values(fateCounts(next)).reduce((a, b) => a + b, 0) - fateCounts(next).in_progress_within,
      );
      next.received.postal = Math.min(next.received.postal, receivedTotal(next));
      return next;
    }),
  };
}

/** Refuses a definition whose buckets cannot be reached (negative counts, more postal than received...). */
export function validateDefinition(definition: ScenarioDefinition): void {
  for (const line of definition.lines) {
    const counts = fateCounts(line);
    for (const [fate, n] of Object.entries(counts))
      if (n < 0 || !Number.isInteger(n)) throw new Error(`${line.name}: ${fate} must be a whole number ≥ 0`);
    const received = receivedTotal(line);
    if (received < 0) throw new Error(`${line.name}: more carried over (${line.carriedOver}) than outflows`);
    if (line.received.postal > received)
      throw new Error(`${line.name}: postal (${line.received.postal}) exceeds received (${received})`);
    if (line.carriedOver > received + line.carriedOver - counts.in_progress_within) {
      throw new Error(`${line.name}: carried-over dossiers cannot all be within their deadline at the end`);
    }
  }
}
