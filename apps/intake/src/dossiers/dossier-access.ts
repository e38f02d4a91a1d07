import type { DossierState } from '@app/domain';
import { type Principal, actsFor, readsFor } from '@app/platform';
import { dossierNotFound, notYourUnit } from './intake-errors';

/** The units a dossier belongs to: where it is now, where it was received, who decides. */
export function dossierUnits(state: DossierState): string[] {
  if (state.status === 'none' || state.status === 'refused_at_receipt') return [];
  const d = state.dossier;
  return [d.currentUnitId, d.receivingUnitId, d.competentUnitId];
}

/** True when the principal may see the dossier (its state, history, code). */
export function mayRead(principal: Principal, state: DossierState): boolean {
  return dossierUnits(state).some((unit) => readsFor(principal, unit));
}

/**
 * The unit the principal acts for on this dossier (recorded as the events' unit). What the caller may not see
 * answers 404, exactly as a dossier that does not exist, so ids and codes of other units cannot be enumerated;
 * what they may see but not change (an auditor) answers 403.
 */
export function unitToActFor(principal: Principal, state: DossierState, dossierId: string): string {
  if (!mayRead(principal, state)) throw dossierNotFound(dossierId);
  const unit = dossierUnits(state).find((u) => actsFor(principal, u));
  if (!unit)
    throw notYourUnit(
      state.status === 'none' || state.status === 'refused_at_receipt' ? '' : state.dossier.currentUnitId,
    );
  return unit;
}

/** Reads are refused as "not found" for what the principal may not see. */
export function assertMayRead(principal: Principal, state: DossierState, dossierId: string): void {
  if (!mayRead(principal, state)) throw dossierNotFound(dossierId);
}
