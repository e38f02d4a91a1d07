import type { Period } from '@app/domain';
import type { LogBound } from '../replay/log-bound';

export const GROUP_BYS = ['unit', 'level', 'procedure', 'none'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const SOURCES = ['read-model', 'replay'] as const;
export type FiguresSource = (typeof SOURCES)[number];

export const FORMATS = ['json', 'csv', 'text', 'xlsx'] as const;
export type ReportFormat = (typeof FORMATS)[number];

/** What a reader asks for: a closed period of local dates, whose dossiers (units or levels), grouped how, from where. */
export interface ReportRequest {
  period: Period;
  /** Unit ids (the receiving unit of each dossier, as in the source report). */
  units?: string[];
  /** Levels (data: `province`, `district`, ...): the units of that level in force on `to`. */
  levels?: string[];
  groupBy: GroupBy;
  /** From the events recorded up to this instant (what a report filed then said); absent = as known now. */
  asKnownAt?: Date;
  /** From the events up to a filed report's position (asKnownAt=<filing id>). */
  asKnownAtFiling?: string;
  /** From the events up to a position of the log (asKnownAtPosition=<global position> or <transaction id>:<position>). */
  asKnownAtPosition?: LogBound;
  source: FiguresSource;
  format: ReportFormat;
}

/** A bad parameter: 400, naming it. */
export class ReportParameterError extends Error {
  readonly kind = 'invalid';
  readonly code = 'VALIDATION_FAILED';
  /** In the shape of every validation error: the parameter and the rule it broke. */
  readonly details: { errors: { field: string; rule: string; message: string }[] };

  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReportParameterError';
    this.details = { errors: [{ field: parameter, rule: 'invalid_report_parameter', message }] };
  }
}
