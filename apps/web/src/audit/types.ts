/** The auditor's API answers as the audit pages read them (GET /api/v1/reports/filings…, /api/v1/audit/…). */
import type { FiguresReport, FilingSummary } from '../reports/types';

export interface Checkpoint {
  transactionId: string;
  globalPosition: number;
}

/** GET /api/v1/reports/filings/{id}: a filed report with its figures and where it sits in the log. */
export interface FiledReport extends FilingSummary {
  filedBy: { actor: string | null; actorName: string | null };
  position: Checkpoint & Record<string, unknown>;
  versions: Record<string, unknown>;
  inputsSha256: string;
  event: { globalPosition: number; transactionId: string; streamPosition: number; hash: string };
  figures: FiguresReport;
}

export type FiledReportSummary = Omit<FiledReport, 'figures'>;

export interface MovingEvent {
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string | null;
  actorName: string | null;
  globalPosition: number;
  transactionId: string;
  streamPosition: number;
}

export interface DossierContribution {
  dossierId: string;
  code: string | null;
  change: number;
  events: MovingEvent[];
}

export interface FigureComparison {
  figure: string;
  label: string;
  filed: number;
  now: number;
  difference: number;
  dossiers: DossierContribution[];
  unexplained: number;
}

export interface LineComparison {
  kind: string;
  key: string;
  subject: string;
  figures: FigureComparison[];
}

/** GET /api/v1/reports/filings/{id}/comparison. */
export interface FilingComparison {
  filing: FiledReportSummary;
  now: Checkpoint & { generation: number; comparedAt: string };
  eventsAfterFiling: number;
  dossiersTouched: number;
  dossiersMoved: number;
  groups: LineComparison[];
  total: LineComparison;
}

export interface SealExport {
  sealNumber: number;
  after: Checkpoint;
  upTo: Checkpoint;
  eventCount: number;
  prevSealHash: string | null;
  sealHash: string;
  createdAt: string;
}

export interface IntegrityProblem {
  kind: string;
  streamId?: string;
  streamPosition?: number;
  sealNumber?: number;
  detail: string;
}

/** A verify run: the whole log (LogVerification) or one stream (VerificationReport). */
export interface VerificationRun {
  id: string;
  scope: { kind: 'log' } | { kind: 'stream'; streamId: string };
  status: 'running' | 'done' | 'failed';
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  report: {
    ok: boolean;
    eventsChecked: number;
    streamsChecked: number;
    sealsChecked?: number;
    unsealedEvents?: number;
    problems: IntegrityProblem[];
    warnings?: string[];
    seconds?: number;
  } | null;
  error: string | null;
}

/** GET /api/v1/audit/integrity. */
export interface IntegrityStatus {
  lastVerification: VerificationRun | null;
  verificationsRunning: VerificationRun[];
  seals: {
    count: number;
    last: SealExport[];
    unsealedEvents: number | null;
    policy: { everyEvents: number; everySeconds: number };
    nextDueAt: string | null;
    nextDueAfterEvents: number | null;
  };
}
