/** The reports API's answers as the pages read them (GET /api/v1/reports/dossier-figures, /dashboard, /filings). */
export interface Reconciliation {
  carriedOver: number;
  received: number;
  resolved: number;
  inProgress: number;
  withdrawn: number;
  stopped: number;
  waitingSupplement: number;
  waitingFinancialObligation: number;
  difference: number;
}

export interface Figures {
  received: { total: number; online: number; counter: number; postal: number; counterAndPostal: number };
  carriedOver: number;
  resolved: { total: number; early: number; onTime: number; late: number };
  shares: { early: number; onTime: number; late: number };
  sharePercents?: { early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
  withdrawn: number;
  stopped: number;
  waitingSupplement: number;
  waitingFinancialObligation: number;
  reconciliation: Reconciliation;
}

export interface ReportGroup {
  kind: 'unit' | 'level' | 'procedure' | 'all';
  key: string;
  subject: string;
  preposition: string;
  level?: string;
  units: string[];
  figures: Figures;
}

export interface ReportWarning {
  code?: string;
  message: string;
  [key: string]: unknown;
}

export interface FiguresReport {
  period: { from: string; to: string };
  groupBy: string;
  source: string;
  asKnownAt: string | null;
  asKnownAtFiling?: string;
  warnings?: ReportWarning[];
  generatedAt: string;
  eventsReplayed: number | null;
  groups: ReportGroup[];
  total: Figures;
}

export interface DashboardAnswer {
  period: { from: string; to: string };
  interval: 'day' | 'week';
  units: string[];
  projector: { globalPosition: number; lagEvents: number; lagSeconds: number };
  received: { date: string; counter: number; online: number; postal: number }[];
  results: { date: string; early: number; onTime: number; late: number }[];
  inProgress: { within: number; overdue: number; asOf?: string };
  /** What "overdue" counts: the work queue's overdue tab today, or the figures' at the end of a past period. */
  overdue?: { basis: 'work-queue' | 'period-end'; asOf: string };
  overdueByUnit: { unitId: string; unitName: string; overdue: number }[];
  lateProcedures: { procedureCode: string; procedureName: string; resolved: number; late: number; lateShare: number }[];
  unitsByOnTime: {
    unitId: string;
    unitName: string;
    resolved: number;
    early: number;
    onTime: number;
    late: number;
    onTimeShare: number;
  }[];
}

export interface FilingSummary {
  id: string;
  title: string;
  filedAt: string;
  period: { from: string; to: string };
  scope: { units?: string[]; levels?: string[]; unitsInScope: string[] };
  groupBy: string;
  /** Who filed it (the list and the filing answer it). */
  filedBy?: { actor: string | null; actorName: string | null };
}
