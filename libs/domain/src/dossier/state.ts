import type { CompletedSupplement, SupplementPolicy, TimeLimit } from '../deadlines';
import type { SealedApplicantData } from '../applicant/applicant';
import type { Instant, LocalDate } from '../time/local-date';
import type { Channel, Outcome, ReturnVia } from './events';

/** One request for supplementary documents and, once they came, when. */
export interface SupplementCycle {
  requestedAt: Instant;
  suppliedAt: Instant | null;
}

/** What every received dossier carries, whatever its status: what decisions need. */
export interface DossierFacts {
  dossierId: string;
  code: string;
  procedureCode: string;
  receivingUnitId: string;
  competentUnitId: string;
  /** Where the dossier is now (changes with transfers). */
  currentUnitId: string;
  channel: Channel;
  receivedAt: Instant;
  timeLimit: TimeLimit;
  /** The due date that classifies (after supplement adjustments, never moved by a reschedule). */
  dueDate: LocalDate | null;
  calendarVersion: string;
  supplementPolicy: SupplementPolicy;
  policyVersion: string;
  /** The rescheduled appointment (Mẫu 04) — at most one. */
  appointmentDate: LocalDate | null;
  supplements: SupplementCycle[];
  /** Business time of the first event after the receipt (corrections aside): a corrected receipt may not pass it. */
  firstActivityAt: Instant | null;
  /** Business time of the latest event: no command may go back before it. */
  lastEventAt: Instant;
  /** The applicant's details as last recorded, sealed (absent for receipts without them). */
  applicant?: SealedApplicantData;
}

export interface RecordedResult {
  outcome: Outcome;
  recordedAt: Instant;
  /** Business time of the event before the result: a corrected result time may not go before it. */
  notBefore: Instant;
}

export type DossierState =
  | { status: 'none' }
  | { status: 'refused_at_receipt'; refusalId: string; lastEventAt: Instant }
  | { status: 'in_progress'; dossier: DossierFacts }
  | { status: 'awaiting_supplement'; dossier: DossierFacts }
  | { status: 'awaiting_financial_obligation'; dossier: DossierFacts; financialRequestedAt: Instant }
  | { status: 'resolved'; dossier: DossierFacts; result: RecordedResult }
  | { status: 'returned'; dossier: DossierFacts; result: RecordedResult; returnedAt: Instant; via: ReturnVia }
  | { status: 'withdrawn'; dossier: DossierFacts; withdrawnAt: Instant }
  | { status: 'stopped'; dossier: DossierFacts; stoppedAt: Instant };

export type DossierStatus = DossierState['status'];
export type ReceivedDossierState = Exclude<DossierState, { status: 'none' } | { status: 'refused_at_receipt' }>;

export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'none',
  'refused_at_receipt',
  'in_progress',
  'awaiting_supplement',
  'awaiting_financial_obligation',
  'resolved',
  'returned',
  'withdrawn',
  'stopped',
];

export const initialDossierState: DossierState = { status: 'none' };

export function isReceived(state: DossierState): state is ReceivedDossierState {
  return state.status !== 'none' && state.status !== 'refused_at_receipt';
}

/** Business time of the latest event, or null before any. */
export function lastEventAt(state: DossierState): Instant | null {
  if (state.status === 'none') return null;
  if (state.status === 'refused_at_receipt') return state.lastEventAt;
  return state.dossier.lastEventAt;
}

/** The open (not yet supplied) supplement request, if any. */
export function openSupplement(facts: DossierFacts): SupplementCycle | null {
  const last = facts.supplements[facts.supplements.length - 1];
  return last && last.suppliedAt === null ? last : null;
}

/** The supplement requests whose documents came, in order. */
export function completedSupplements(facts: DossierFacts): CompletedSupplement[] {
  const done: CompletedSupplement[] = [];
  for (const cycle of facts.supplements)
    if (cycle.suppliedAt !== null) done.push({ requestedAt: cycle.requestedAt, suppliedAt: cycle.suppliedAt });
  return done;
}
