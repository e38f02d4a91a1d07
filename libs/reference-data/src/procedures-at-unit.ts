import type { LocalDate, OrganisationUnit, Procedure } from '@app/domain';
import type { ReferenceSnapshot } from './reference-data';

/**
 * The procedures a unit may receive on a date: every procedure in force that day, the unit being in force too — what
 * the receipt accepts (a receiving unit need not be the competent one: liên thông, and since 1/7/2025 receipt
 * regardless of administrative boundary). Those published for the unit's own level come first, then by code.
 * Undefined when the unit is not in force on the date.
 */
export function proceduresAtUnit(
  snapshot: ReferenceSnapshot,
  unitId: string,
  date: LocalDate,
): { unit: OrganisationUnit; procedures: Procedure[] } | undefined {
  const unit = snapshot.units.unitAt(unitId, date);
  if (!unit) return undefined;
  const rank = (p: Procedure) => (p.level === unit.level ? 0 : 1);
  const procedures = snapshot.procedures
    .proceduresAt(date)
    .sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { unit, procedures };
}
