import { correctFacts, correctResultAt, receiptFacts } from './facts';
import type { DossierEvent, EntryCorrected } from './events';
import { isReceived, type DossierFacts, type DossierState, type ReceivedDossierState } from './state';

/**
 * Folds one event into the state. Total: an event that does not fit the state (which decide never produces)
 * leaves the state as it was, so a replay of odd history never throws.
 */
export function evolve(state: DossierState, event: DossierEvent): DossierState {
  const at = event.data.occurredAt;
  if (event.type === 'DossierReceived') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'in_progress',
      dossier: {
        ...receiptFacts(d),
        timeLimit: d.timeLimit,
        calendarVersion: d.calendarVersion,
        supplementPolicy: d.supplementPolicy,
        policyVersion: d.policyVersion,
        appointmentDate: null,
        supplements: [],
        firstActivityAt: null,
        lastEventAt: at,
        ...(d.applicant !== undefined ? { applicant: d.applicant } : {}),
      },
    };
  }
  if (event.type === 'ReceiptRefused') {
    return state.status === 'none'
      ? { status: 'refused_at_receipt', refusalId: event.data.refusalId, lastEventAt: at }
      : state;
  }
  if (!isReceived(state)) return state;
  if (event.type === 'EntryCorrected') return applyCorrection(state, event);

  const before = state.dossier;
  const dossier: DossierFacts = { ...before, lastEventAt: at, firstActivityAt: before.firstActivityAt ?? at };
  switch (event.type) {
    case 'DossierTransferred':
      return { ...state, dossier: { ...dossier, currentUnitId: event.data.toUnitId } };
    case 'SupplementRequested':
      return {
        status: 'awaiting_supplement',
        dossier: { ...dossier, supplements: [...dossier.supplements, { requestedAt: at, suppliedAt: null }] },
      };
    case 'SupplementReceived': {
      const supplements = dossier.supplements.map((c, i) =>
        i === dossier.supplements.length - 1 && c.suppliedAt === null ? { ...c, suppliedAt: at } : c,
      );
      return { status: 'in_progress', dossier: { ...dossier, supplements, dueDate: event.data.newDueDate } };
    }
    case 'FinancialObligationRequested':
      return { status: 'awaiting_financial_obligation', dossier, financialRequestedAt: at };
    case 'FinancialObligationFulfilled':
      return { status: 'in_progress', dossier };
    case 'DueDateRescheduled':
      return { ...state, dossier: { ...dossier, appointmentDate: event.data.newAppointmentDate } };
    case 'ResultRecorded':
      return {
        status: 'resolved',
        dossier,
        result: { outcome: event.data.outcome, recordedAt: at, notBefore: before.lastEventAt },
      };
    case 'ResultReturned':
      return state.status === 'resolved'
        ? { status: 'returned', dossier, result: state.result, returnedAt: at, via: event.data.via }
        : state;
    case 'DossierWithdrawn':
      return { status: 'withdrawn', dossier, withdrawnAt: at };
    case 'ProcessingStopped':
      return { status: 'stopped', dossier, stoppedAt: at };
  }
}

function applyCorrection(state: ReceivedDossierState, event: EntryCorrected): DossierState {
  const c = event.data.changes;
  const f = state.dossier;
  const dossier: DossierFacts = {
    ...correctFacts(f, c),
    // what decide recomputed from the correction, which only the decider keeps
    timeLimit: c.timeLimit ?? f.timeLimit,
    supplementPolicy: c.supplementPolicy ?? f.supplementPolicy,
    policyVersion: c.policyVersion ?? f.policyVersion,
    calendarVersion: c.calendarVersion ?? f.calendarVersion,
    lastEventAt: event.data.occurredAt,
    ...(c.applicant !== undefined
      ? { applicant: c.applicant }
      : f.applicant !== undefined
        ? { applicant: f.applicant }
        : {}),
  };
  if (c.resultAt !== undefined && (state.status === 'resolved' || state.status === 'returned')) {
    return { ...state, dossier, result: { ...state.result, recordedAt: correctResultAt(state.result.recordedAt, c) } };
  }
  return { ...state, dossier };
}

/** The state after a whole stream. */
export function foldDossier(events: readonly DossierEvent[], from: DossierState = { status: 'none' }): DossierState {
  return events.reduce(evolve, from);
}
