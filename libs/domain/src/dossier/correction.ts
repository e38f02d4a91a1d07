import type { Instant } from '../time/local-date';
import type { CorrectionChanges } from './events';
import type { DossierFacts } from './state';

/** The facts of a dossier that an EntryCorrected replaces, kept alike by both folds (DossierFacts, DossierRecord). */
export type CorrectableFacts = Pick<DossierFacts, 'receivedAt' | 'channel' | 'receivingUnitId' | 'competentUnitId' | 'currentUnitId' | 'procedureCode' | 'dueDate'>;

/**
 * The one rule of a correction, for the decider's state and for the figures' record alike: each field the
 * correction names replaces the recorded one (a recomputed due date may be null: no due date any more), and a
 * dossier not transferred yet is still where it was (wrongly) logged, i.e. at the corrected receiving unit.
 */
export function correctFacts<F extends CorrectableFacts>(facts: F, changes: CorrectionChanges): F {
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
