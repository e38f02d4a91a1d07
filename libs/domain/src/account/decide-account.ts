import { type Instant, type LocalDate, localDateOf } from '../time/local-date';
import { ACCOUNT_EVENT_SCHEMA_VERSION, type AccountEvent, type AccountKind } from './account-events';
import { AccountError } from './account-errors';
import { type Account, type AccountState, lockedAt } from './account-state';
import { USERNAME } from './account-streams';
import { type RoleInUnit, rolesInForce } from './grants';
import { EVERY_UNIT, type Role, isRole } from './roles';

export type AccountCommand =
  | { type: 'Register'; username: string; displayName: string; kind: AccountKind }
  | { type: 'GrantRole'; grantId: string; role: Role; unitId: string; validFrom: LocalDate; validUntil?: LocalDate }
  | { type: 'RevokeRole'; grantId: string; effectiveOn: LocalDate }
  | { type: 'SetPassword'; reason: 'initial' | 'changed' | 'reset'; mustChange: boolean }
  | { type: 'Disable'; reason: string }
  | { type: 'Enable' }
  | { type: 'RecordSignIn'; method: 'password' | 'oidc'; sessionRef: string; address: string }
  | { type: 'RecordSignInFailure'; reason: 'wrong-password' | 'disabled' | 'locked' | 'no-password'; address: string }
  | { type: 'Unlock' }
  | { type: 'RecordSignOut'; sessionRef: string; how: 'sign-out' | 'revoked' | 'all' }
  | { type: 'LinkIdentity'; issuer: string; subject: string }
  | { type: 'IssueServiceToken'; tokenId: string; label: string; scope: RoleInUnit[]; expiresAt: Instant }
  | { type: 'RevokeServiceToken'; tokenId: string };

/** Lock-out: this many failed sign-ins in a row lock the account for `lockMinutes`. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

type Decided = { type: AccountEvent['type']; schemaVersion: number; data: AccountEvent['data'] };

const event = <E extends AccountEvent>(type: E['type'], data: E['data']): Decided => ({
  type,
  schemaVersion: ACCOUNT_EVENT_SCHEMA_VERSION,
  data,
});

/** Decides the events of an account command, at `now`. Pure: the caller checked the units against the registry. */
export function decideAccount(
  state: AccountState,
  command: AccountCommand,
  now: Instant,
  lockout: LockoutPolicy = DEFAULT_LOCKOUT,
): Decided[] {
  if (command.type === 'Register') {
    if (state.status !== 'none') throw new AccountError('ACCOUNT_EXISTS', 'username');
    if (!USERNAME.test(command.username)) throw new AccountError('INVALID_USERNAME', 'username');
    const displayName = command.displayName.trim();
    if (displayName.length < 1 || displayName.length > 120)
      throw new AccountError('INVALID_DISPLAY_NAME', 'displayName');
    return [
      event('AccountRegistered', {
        accountId: command.username,
        username: command.username,
        displayName: displayName.normalize('NFC'),
        kind: command.kind,
        occurredAt: now,
      }),
    ];
  }
  if (state.status === 'none') throw new AccountError('ACCOUNT_NOT_FOUND', 'username');
  return decideOnAccount(state.account, command, now, lockout);
}

function decideOnAccount(a: Account, command: AccountCommand, now: Instant, lockout: LockoutPolicy): Decided[] {
  switch (command.type) {
    case 'Register':
      throw new AccountError('ACCOUNT_EXISTS', 'username');
    case 'GrantRole': {
      if (!isRole(command.role)) throw new AccountError('INVALID_ROLE', 'role');
      if (command.unitId === EVERY_UNIT && (command.role === 'clerk' || command.role === 'supervisor'))
        throw new AccountError('UNIT_REQUIRED', 'unitId');
      if (command.validUntil !== undefined && command.validUntil <= command.validFrom)
        throw new AccountError('INVALID_VALIDITY', 'validUntil');
      const { grantId, role, unitId, validFrom, validUntil } = command;
      return [
        event('RoleGranted', {
          grantId,
          role,
          unitId,
          validFrom,
          ...(validUntil !== undefined ? { validUntil } : {}),
          occurredAt: now,
        }),
      ];
    }
    case 'RevokeRole': {
      const grant = a.grants.find((g) => g.grantId === command.grantId);
      if (!grant) throw new AccountError('GRANT_NOT_FOUND', 'grantId');
      // Ending a grant before it starts is ending it on its first day: it never was in force.
      const effectiveOn = command.effectiveOn < grant.validFrom ? grant.validFrom : command.effectiveOn;
      if (grant.validUntil !== undefined && grant.validUntil <= effectiveOn) return [];
      return [event('RoleRevoked', { grantId: grant.grantId, effectiveOn, occurredAt: now })];
    }
    case 'SetPassword':
      if (a.kind !== 'person') throw new AccountError('PERSON_ACCOUNT_ONLY');
      return [
        event('PasswordSet', { reason: command.reason, mustChange: command.mustChange, occurredAt: now }),
        ...(a.lockedUntil !== undefined || a.failuresInARow > 0 ? [event('AccountUnlocked', { occurredAt: now })] : []),
      ];
    case 'Disable':
      if (a.disabled) throw new AccountError('ALREADY_DISABLED');
      return [event('AccountDisabled', { reason: command.reason, occurredAt: now })];
    case 'Enable':
      if (!a.disabled) throw new AccountError('NOT_DISABLED');
      return [event('AccountEnabled', { occurredAt: now })];
    case 'RecordSignIn':
      return [
        event('SignedIn', {
          method: command.method,
          sessionRef: command.sessionRef,
          address: command.address,
          occurredAt: now,
        }),
      ];
    case 'RecordSignInFailure': {
      if (command.reason === 'locked' && lockedAt(a, now)) {
        return [
          event('SignInFailed', {
            reason: 'locked',
            address: command.address,
            failuresInARow: a.failuresInARow,
            occurredAt: now,
          }),
        ];
      }
      const failuresInARow = a.failuresInARow + 1;
      const failed = event('SignInFailed', {
        reason: command.reason,
        address: command.address,
        failuresInARow,
        occurredAt: now,
      });
      if (failuresInARow < lockout.maxFailures || lockedAt(a, now)) return [failed];
      const until = new Date(Date.parse(now) + lockout.lockMinutes * 60_000).toISOString();
      return [failed, event('AccountLocked', { until, failuresInARow, occurredAt: now })];
    }
    case 'Unlock':
      return a.lockedUntil !== undefined || a.failuresInARow > 0 ? [event('AccountUnlocked', { occurredAt: now })] : [];
    case 'RecordSignOut':
      return [event('SignedOut', { sessionRef: command.sessionRef, how: command.how, occurredAt: now })];
    case 'LinkIdentity':
      if (a.externalIdentities.some((i) => i.issuer === command.issuer && i.subject === command.subject)) return [];
      return [event('ExternalIdentityLinked', { issuer: command.issuer, subject: command.subject, occurredAt: now })];
    case 'IssueServiceToken': {
      if (a.kind !== 'service') throw new AccountError('SERVICE_ACCOUNT_ONLY');
      const held = rolesInForce(a.grants, now);
      const outside = command.scope.find(
        (s) => !held.some((h) => h.role === s.role && (h.unitId === EVERY_UNIT || h.unitId === s.unitId)),
      );
      if (command.scope.length === 0 || outside) throw new AccountError('SCOPE_NOT_GRANTED', 'scope');
      const { tokenId, label, scope, expiresAt } = command;
      return [event('ServiceTokenIssued', { tokenId, label, scope, expiresAt, occurredAt: now })];
    }
    case 'RevokeServiceToken': {
      const token = a.serviceTokens.find((t) => t.tokenId === command.tokenId);
      if (!token) throw new AccountError('TOKEN_NOT_FOUND', 'tokenId');
      if (token.revoked) return [];
      return [event('ServiceTokenRevoked', { tokenId: command.tokenId, occurredAt: now })];
    }
  }
}

/** The local date of an instant, for grants given "from today". */
export const todayAt = (now: Instant): LocalDate => localDateOf(now);
