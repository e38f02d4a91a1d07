import type { Instant } from '../time/local-date';
import type { CorrectionChanges, DossierReceived } from './events';
import type { DossierFacts } from './state';

/**
 * The facts of a dossier that both folds of its events keep — the decider's state (DossierFacts) and the figures'
 * record (DossierRecord) — set by the receipt and changed by corrections, by the rules below and nowhere else.
 */
export type SharedFacts = Pick<
  DossierFacts,
  | 'dossierId'
  | 'code'
  | 'procedureCode'
  | 'receivingUnitId'
  | 'competentUnitId'
  | 'currentUnitId'
  | 'channel'
  | 'receivedAt'
  | 'dueDate'
>;

/** What a receipt records: the dossier is at the unit that received it. */
export function receiptFacts(d: DossierReceived['data']): SharedFacts {
  return {
    dossierId: d.dossierId,
    code: d.code,
    procedureCode: d.procedureCode,
    receivingUnitId: d.receivingUnitId,
    competentUnitId: d.competentUnitId,
    currentUnitId: d.receivingUnitId,
    channel: d.channel,
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
  };
}

/**
 * The one rule of a correction: each field the correction names replaces the recorded one (a recomputed due date
 * may be null: no due date any more), and a dossier not transferred yet is still where it was (wrongly) logged,
 * i.e. at the corrected receiving unit.
 */
export function correctFacts<F extends SharedFacts>(facts: F, changes: CorrectionChanges): F {
  const receivingUnitId = changes.receivingUnitId ?? facts.receivingUnitId;
  return {
    ...facts,
    receivedAt: changes.receivedAt ?? facts.receivedAt,
    channel: changes.channel ?? facts.channel,
    receivingUnitId,
    competentUnitId: changes.competentUnitId ?? facts.competentUnitId,
    currentUnitId: facts.currentUnitId === facts.receivingUnitId ? receivingUnitId : facts.currentUnitId,
    procedureCode: changes.procedureCode ?? facts.procedureCode,
    dueDate: changes.dueDate !== undefined ? changes.dueDate : facts.dueDate,
  };
}

/** A corrected result time replaces the recorded one (decide corrects it only once there is a result). */
export function correctResultAt(resultAt: Instant, changes: CorrectionChanges): Instant;
export function correctResultAt(resultAt: Instant | null, changes: CorrectionChanges): Instant | null;
export function correctResultAt(resultAt: Instant | null, changes: CorrectionChanges): Instant | null {
  return changes.resultAt ?? resultAt;
}
