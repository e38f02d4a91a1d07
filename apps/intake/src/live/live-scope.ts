import { type DossierState, EVERY_UNIT, isReceived } from '@app/domain';
import { type Principal, readsFor } from '@app/platform';

/** Whose dossiers a live stream shows: every unit's (admins, auditors, `*` grants) or those of a set of units. */
export type LiveScope = { kind: 'every_unit' } | { kind: 'units'; units: ReadonlySet<string> };

/**
 * The scope of a stream for the principal: the one unit asked for (which it must read), or every unit it reads.
 * `not_allowed` when it asks for a unit it may not read — the same refusal as the other unit-scoped reads.
 */
export function scopeOf(principal: Principal, unitId?: string): LiveScope | 'not_allowed' {
  const everyUnit = readsFor(principal, EVERY_UNIT);
  if (unitId !== undefined) {
    if (!readsFor(principal, unitId)) return 'not_allowed';
    return unitId === EVERY_UNIT ? { kind: 'every_unit' } : { kind: 'units', units: new Set([unitId]) };
  }
  if (everyUnit) return { kind: 'every_unit' };
  return { kind: 'units', units: new Set(principal.roles.map((r) => r.unitId).filter((u) => readsFor(principal, u))) };
}

/** True when a stream of this scope shows a dossier of these units. */
export function sees(scope: LiveScope, dossierUnits: ReadonlySet<string>): boolean {
  if (scope.kind === 'every_unit') return true;
  for (const unit of dossierUnits) if (scope.units.has(unit)) return true;
  return false;
}

/**
 * The units a dossier belongs to after an event: those it belonged to before, plus its receiving, competent and
 * current unit now. A transfer adds the unit it went to, and no unit that had it loses it (the receiving unit
 * follows its dossier to the end; a unit it passed through keeps seeing what becomes of it).
 */
export function unitsAfter(previous: ReadonlySet<string>, state: DossierState): ReadonlySet<string> {
  if (!isReceived(state)) return previous;
  const { receivingUnitId, competentUnitId, currentUnitId } = state.dossier;
  if (previous.has(receivingUnitId) && previous.has(competentUnitId) && previous.has(currentUnitId)) return previous;
  return new Set([...previous, receivingUnitId, competentUnitId, currentUnitId]);
}
