import type { Period } from '../figures/figures';
import type { Instant } from '../time/local-date';

/**
 * Filed reports (issue 18): a director files the figures of a period and scope; the filing is a fact of the log,
 * never recomputed. All filings are one stream: a filing is a rare event (a few per period and unit), listing them
 * is the common read (one stream read, no scan of the log), and nothing of one filing constrains another.
 */
export const REPORT_FILINGS_STREAM = 'report-filings';
export const REPORT_FILED = 'ReportFiled';
export const FILING_EVENT_SCHEMA_VERSION = 1;

/** Where the figures were computed: the read-model generation's checkpoint in the global log's delivery order. */
export interface FiledPosition {
  transactionId: string;
  globalPosition: number;
  /** The read-model generation read (its checkpoint is the position). */
  generation: number;
}

/** The scope as asked (units or levels) and the receiving units it resolved to on the last day of the period. */
export interface FiledScope {
  units?: string[];
  levels?: string[];
  unitsInScope: string[];
}

/** The versions in force when the figures were computed. */
export interface FiledVersions {
  units: number;
  procedures: number;
  calendar: number;
  rules: string;
}

/** A type, not an interface: it is an event's data (an index-signature record) as it stands. */
export type ReportFiledData = {
  occurredAt: Instant;
  filingId: string;
  title: string;
  period: Period;
  scope: FiledScope;
  groupBy: string;
  /** The figures exactly as GET /api/v1/reports/dossier-figures answers them (JSON body). */
  figures: Record<string, unknown>;
  position: FiledPosition;
  versions: FiledVersions;
  /** sha256 (hex) of the canonical JSON of every input above but the title and the instant. */
  inputsSha256: string;
};

export interface ReportFiled {
  type: typeof REPORT_FILED;
  schemaVersion: number;
  data: ReportFiledData;
}
