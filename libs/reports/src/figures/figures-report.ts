import type { Figures, Period } from '@app/domain';
import type { FiguresSource, GroupBy } from '../query/report-request';
import type { LogBound } from '../replay/log-bound';
import type { ReportWarning } from './report-warnings';

/** One line of a report: a unit, a level, a procedure, or everything asked for. */
export interface ReportGroupFigures {
  kind: 'unit' | 'level' | 'procedure' | 'all';
  key: string;
  /** How the Vietnamese text names it: "Trung tâm Phục vụ hành chính công tỉnh", "các Trung tâm Hành chính công cấp huyện". */
  subject: string;
  /** The word before the subject in the text: "tại" (units, levels) or "đối với thủ tục" (procedures). */
  preposition: 'tại' | 'đối với thủ tục';
  level?: string;
  /** Receiving units summed in this line. */
  units: string[];
  figures: Figures;
}

/** A report: the figures of each group and their total, with where they came from. */
export interface FiguresReport {
  period: Period;
  groupBy: GroupBy;
  /** Where the figures were computed from. */
  source: FiguresSource;
  /** What was asked, when it differs (read-model with asKnownAt is computed by replay). */
  requestedSource?: FiguresSource;
  /** The log as recorded up to this instant; null = as known now. */
  asKnownAt: string | null;
  /** The log up to this position (asKnownAtPosition, or a filing's position). */
  asKnownAtPosition?: LogBound;
  /** The filed report whose position the figures were recomputed at. */
  asKnownAtFiling?: string;
  /** What the reader should know about zeros (before the first event, no unit in force); empty when nothing. */
  warnings?: ReportWarning[];
  generatedAt: string;
  /** Events folded by a replay (null for read-model figures). */
  eventsReplayed: number | null;
  groups: ReportGroupFigures[];
  total: Figures;
}
