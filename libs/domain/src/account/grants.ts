import { type Instant, type LocalDate, localDateOf } from '../time/local-date';
import { ACTING_ROLES, EVERY_UNIT, READING_ROLES, type Role } from './roles';

/**
 * A role held for a unit over a span of local dates: from `validFrom` (inclusive) until `validUntil` (exclusive;
 * none: still in force). A clerk who moves to another unit on 1/7 has the old grant end on 1/7 and a new one start
 * on 1/7: on 1/7 and after they act for the new unit only, and what they recorded before still names the old one.
 */
export interface Grant {
  grantId: string;
  role: Role;
  /** A unit id of the registry, or EVERY_UNIT. */
  unitId: string;
  validFrom: LocalDate;
  validUntil?: LocalDate;
}

/** A role for a unit, as in force at one moment: what a request is authorised by. */
export interface RoleInUnit {
  role: Role;
  unitId: string;
}

export function grantInForce(grant: Grant, day: LocalDate): boolean {
  return grant.validFrom <= day && (grant.validUntil === undefined || day < grant.validUntil);
}

/** The roles in force at an instant (Vietnamese local date), without repeats. */
export function rolesInForce(grants: readonly Grant[], at: Instant | Date): RoleInUnit[] {
  const day = localDateOf(at);
  const seen = new Set<string>();
  const roles: RoleInUnit[] = [];
  for (const grant of grants) {
    const key = `${grant.role}@${grant.unitId}`;
    if (!grantInForce(grant, day) || seen.has(key)) continue;
    seen.add(key);
    roles.push({ role: grant.role, unitId: grant.unitId });
  }
  return roles;
}

const covers = (held: RoleInUnit, unitId: string): boolean => held.unitId === EVERY_UNIT || held.unitId === unitId;

/** The role by which `roles` record events for the unit (the strongest one), or undefined when none does. */
export function actingRole(roles: readonly RoleInUnit[], unitId: string): Role | undefined {
  const acting = roles.filter((r) => ACTING_ROLES.includes(r.role) && covers(r, unitId)).map((r) => r.role);
  return (['admin', 'supervisor', 'clerk'] as const).find((role) => acting.includes(role));
}

/** True when `roles` read the unit's dossiers and figures. */
export function readsUnit(roles: readonly RoleInUnit[], unitId: string): boolean {
  return roles.some((r) => READING_ROLES.includes(r.role) && covers(r, unitId));
}

/** True when one of `roles` is among `allowed`, for any unit. */
export function holdsAnyRole(roles: readonly RoleInUnit[], allowed: readonly Role[]): boolean {
  return roles.some((r) => allowed.includes(r.role));
}
