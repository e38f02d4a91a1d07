import type { DossierEvent, Outcome, ReturnVia } from '../dossier/events';
import { correctFacts, correctResultAt, receiptFacts, type SharedFacts } from '../dossier/facts';
import { localDateOf, type Instant, type LocalDate } from '../time/local-date';

export type WaitKind = 'supplement' | 'financial_obligation';

/** A wait on the applicant, from the local date of the request to the local date it ended (null: still waiting). */
export interface Wait {
  kind: WaitKind;
  from: LocalDate;
  to: LocalDate | null;
}

/**
 * A flat, serialisable summary of one dossier, derived from its events as recorded up to some instant (filter
 * the events by recorded-at before folding for "as known at T"). Corrections are applied. It is all the
 * figures need; read models store the same fields.
 */
export interface DossierRecord extends SharedFacts {
  receivedOn: LocalDate;
  /** The rescheduled appointment (apology letter), or null. */
  appointmentDate: LocalDate | null;
  resultAt: Instant | null;
  resultOn: LocalDate | null;
  outcome: Outcome | null;
  returnedOn: LocalDate | null;
  returnedVia: ReturnVia | null;
  withdrawnOn: LocalDate | null;
  stoppedOn: LocalDate | null;
  supplementRequests: number;
  waits: Wait[];
  /** Number of EntryCorrected applied. */
  corrections: number;
  lastEventAt: Instant;
}

/**
 * Folds one event into the record (the projection step). A receipt refusal, or an event before any receipt,
 * gives no record.
 */
export function evolveRecord(record: DossierRecord | null, event: DossierEvent): DossierRecord | null {
  const at = event.data.occurredAt;
  if (event.type === 'DossierReceived') {
    if (record) return record;
    const d = event.data;
    return {
      ...receiptFacts(d),
      receivedOn: localDateOf(d.receivedAt),
      appointmentDate: null,
      resultAt: null,
      resultOn: null,
      outcome: null,
      returnedOn: null,
      returnedVia: null,
      withdrawnOn: null,
      stoppedOn: null,
      supplementRequests: 0,
      waits: [],
      corrections: 0,
      lastEventAt: at,
    };
  }
  if (!record) return null;
  const next: DossierRecord = { ...record, lastEventAt: at };
  const day = localDateOf(at);
  switch (event.type) {
    case 'ReceiptRefused':
      return record;
    case 'DossierTransferred':
      return { ...next, currentUnitId: event.data.toUnitId };
    case 'SupplementRequested':
      return {
        ...next,
        supplementRequests: record.supplementRequests + 1,
        waits: [...record.waits, { kind: 'supplement', from: day, to: null }],
      };
    case 'SupplementReceived':
      return { ...next, dueDate: event.data.newDueDate, waits: closeWait(record.waits, 'supplement', day) };
    case 'FinancialObligationRequested':
      return { ...next, waits: [...record.waits, { kind: 'financial_obligation', from: day, to: null }] };
    case 'FinancialObligationFulfilled':
      return { ...next, waits: closeWait(record.waits, 'financial_obligation', day) };
    case 'DueDateRescheduled':
      return { ...next, appointmentDate: event.data.newAppointmentDate };
    case 'ResultRecorded':
      return { ...next, resultAt: at, resultOn: day, outcome: event.data.outcome };
    case 'ResultReturned':
      return { ...next, returnedOn: day, returnedVia: event.data.via };
    case 'DossierWithdrawn':
      return { ...next, withdrawnOn: day, waits: closeAll(record.waits, day) };
    case 'ProcessingStopped':
      return { ...next, stoppedOn: day, waits: closeAll(record.waits, day) };
    case 'EntryCorrected': {
      const c = event.data.changes;
      return {
        ...correctFacts(next, c),
        receivedOn: c.receivedAt !== undefined ? localDateOf(c.receivedAt) : record.receivedOn,
        resultAt: correctResultAt(record.resultAt, c),
        resultOn: c.resultAt !== undefined ? localDateOf(c.resultAt) : record.resultOn,
        corrections: record.corrections + 1,
      };
    }
  }
}

/** The record of a dossier's events (null for a receipt refusal or an empty stream). */
export function dossierRecordFrom(events: readonly DossierEvent[]): DossierRecord | null {
  return events.reduce<DossierRecord | null>(evolveRecord, null);
}

function closeWait(waits: readonly Wait[], kind: WaitKind, day: LocalDate): Wait[] {
  return waits.map((w) => (w.kind === kind && w.to === null ? { ...w, to: day } : w));
}

function closeAll(waits: readonly Wait[], day: LocalDate): Wait[] {
  return waits.map((w) => (w.to === null ? { ...w, to: day } : w));
}
