import { type Role, type RoleInUnit, actingRole, holdsAnyRole, readsUnit } from '@app/domain';

/**
 * Who is acting: an account (a person signed in, or a service with a token), with the roles in force for it at the
 * time of the request. Its id and its display name are recorded on every event it causes.
 */
export interface Principal {
  /** The account id (its username). */
  subject: string;
  /** The account's display name at the time. */
  name: string;
  kind: 'person' | 'service';
  /** Roles in force now, per unit (`*` = every unit). */
  roles: RoleInUnit[];
  /** How the request was authenticated. */
  via: 'session' | 'token' | 'service-token' | 'system';
  /** The session (sessions are listed and revoked by it). */
  sessionId?: string;
  /** The session's anti-CSRF token: writes with the session cookie send it back in X-CSRF-Token. */
  csrfToken?: string;
  /** Signed in with a one-time password not yet changed: only the routes open before a password change answer. */
  mustChangePassword?: boolean;
}

/** The role by which the principal records events for the unit, if any (admin, then supervisor, then clerk). */
export function roleFor(principal: Principal, unitId: string): Role | undefined {
  return actingRole(principal.roles, unitId);
}

/** True when the principal may act (record dossier events) for the unit. */
export function actsFor(principal: Principal, unitId: string): boolean {
  return actingRole(principal.roles, unitId) !== undefined;
}

/** True when the principal may read the unit's dossiers and figures. */
export function readsFor(principal: Principal, unitId: string): boolean {
  return readsUnit(principal.roles, unitId);
}

/** True when the principal holds one of the roles, for any unit. */
export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return holdsAnyRole(principal.roles, roles);
}
