import type { SealedApplicantData } from '../applicant/applicant';
import type { SupplementPolicy, TimeLimit } from '../deadlines';
import type { Instant, LocalDate } from '../time/local-date';

/**
 * The dossier stream's events (DOMAIN.md § Dossier lifecycle). Event names and payload fields are the contract
 * with the event store, the projections and the auditor. `data.occurredAt` is always the business time (when
 * it happened at the counter), distinct from the store's recorded-at.
 */
type Event<T extends string, D> = { type: T; schemaVersion: number; data: D & { occurredAt: Instant } };

export type Channel = 'counter' | 'online' | 'postal';
export const CHANNELS: readonly Channel[] = ['counter', 'online', 'postal'];
export type Outcome = 'approved' | 'refused';
export type ReturnVia = 'counter' | 'postal' | 'online';

export type DossierReceived = Event<
  'DossierReceived',
  {
    dossierId: string;
    /** `<unit electronic code>-<YYMMDD>-<NNNN>`, see dossier-code.ts. */
    code: string;
    procedureCode: string;
    receivingUnitId: string;
    competentUnitId: string;
    channel: Channel;
    /** Equal to occurredAt. */
    receivedAt: Instant;
    /** Null for procedures with an immediate result. */
    dueDate: LocalDate | null;
    timeLimit: TimeLimit;
    calendarVersion: string;
    supplementPolicy: SupplementPolicy;
    policyVersion: string;
    applicantReference?: string;
    /** The applicant's details, sealed with the applicant's own key (see libs/applicants). */
    applicant?: SealedApplicantData;
  }
>;

export type ReceiptRefused = Event<
  'ReceiptRefused',
  {
    refusalId: string;
    procedureCode: string;
    receivingUnitId: string;
    channel: Channel;
    reason: string;
  }
>;

export type DossierTransferred = Event<
  'DossierTransferred',
  {
    fromUnitId: string;
    toUnitId: string;
    stepDueDate?: LocalDate;
    reason?: string;
  }
>;

export type SupplementRequested = Event<'SupplementRequested', { reason: string; documents?: string[] }>;
/** `newDueDate` is the due date after the supplement policy recorded at receipt (pause or restart). */
export type SupplementReceived = Event<'SupplementReceived', { newDueDate: LocalDate | null }>;

export type FinancialObligationRequested = Event<
  'FinancialObligationRequested',
  { amount?: number; description?: string }
>;
export type FinancialObligationFulfilled = Event<
  'FinancialObligationFulfilled',
  { amount?: number; description?: string }
>;

/** Apology letter and a new appointment (Mẫu 04), at most once; the original due date still classifies. */
export type DueDateRescheduled = Event<'DueDateRescheduled', { newAppointmentDate: LocalDate; reason: string }>;

export type ResultRecorded = Event<'ResultRecorded', { outcome: Outcome; reason?: string }>;
export type ResultReturned = Event<'ResultReturned', { via: ReturnVia }>;
export type DossierWithdrawn = Event<'DossierWithdrawn', { reason: string }>;
export type ProcessingStopped = Event<'ProcessingStopped', { reason: string }>;

/**
 * What an EntryCorrected changes. The first group is what the clerk corrected; the second is what decide
 * recomputed from it (a corrected receipt time or procedure gives a new due date, time limit, policy).
 */
export interface CorrectionChanges {
  receivedAt?: Instant;
  channel?: Channel;
  receivingUnitId?: string;
  competentUnitId?: string;
  procedureCode?: string;
  resultAt?: Instant;
  /** The applicant's details as corrected (sealed: the log never holds them in clear). */
  applicant?: SealedApplicantData;
  // recomputed
  timeLimit?: TimeLimit;
  dueDate?: LocalDate | null;
  supplementPolicy?: SupplementPolicy;
  policyVersion?: string;
  calendarVersion?: string;
}

export type EntryCorrected = Event<
  'EntryCorrected',
  {
    /** Stream position of the entry being corrected, when the clerk pointed at one. */
    correctsPosition?: number;
    changes: CorrectionChanges;
    reason: string;
  }
>;

export type DossierEvent =
  | DossierReceived
  | ReceiptRefused
  | DossierTransferred
  | SupplementRequested
  | SupplementReceived
  | FinancialObligationRequested
  | FinancialObligationFulfilled
  | DueDateRescheduled
  | ResultRecorded
  | ResultReturned
  | DossierWithdrawn
  | ProcessingStopped
  | EntryCorrected;

export type DossierEventType = DossierEvent['type'];
export type DossierEventOf<T extends DossierEventType> = Extract<DossierEvent, { type: T }>;

export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<DossierEventType, number>> = {
  DossierReceived: 2,
  ReceiptRefused: 1,
  DossierTransferred: 1,
  SupplementRequested: 1,
  SupplementReceived: 1,
  FinancialObligationRequested: 1,
  FinancialObligationFulfilled: 1,
  DueDateRescheduled: 1,
  ResultRecorded: 1,
  ResultReturned: 1,
  DossierWithdrawn: 1,
  ProcessingStopped: 1,
  EntryCorrected: 1,
};

export const DOSSIER_EVENT_TYPES = Object.keys(CURRENT_SCHEMA_VERSIONS) as readonly DossierEventType[];

export function isDossierEventType(type: unknown): type is DossierEventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSIONS, type);
}

/** Builds an event at its current schema version. */
export function dossierEvent<T extends DossierEventType>(type: T, data: DossierEventOf<T>['data']): DossierEventOf<T> {
  return { type, schemaVersion: CURRENT_SCHEMA_VERSIONS[type], data } as DossierEventOf<T>;
}
