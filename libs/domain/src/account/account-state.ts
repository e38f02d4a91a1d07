import type { Instant } from '../time/local-date';
import type { AccountEvent, AccountKind } from './account-events';
import type { Grant, RoleInUnit } from './grants';

export interface ServiceToken {
  tokenId: string;
  label: string;
  scope: RoleInUnit[];
  expiresAt: Instant;
  revoked: boolean;
}

export interface Account {
  accountId: string;
  username: string;
  displayName: string;
  kind: AccountKind;
  disabled: boolean;
  grants: Grant[];
  passwordSet: boolean;
  mustChangePassword: boolean;
  /** Consecutive failed sign-ins since the last success (or unlock). */
  failuresInARow: number;
  lockedUntil?: Instant;
  externalIdentities: { issuer: string; subject: string }[];
  serviceTokens: ServiceToken[];
}

export type AccountState = { status: 'none' } | { status: 'registered'; account: Account };

export const initialAccountState: AccountState = { status: 'none' };

/** Folds one event into the account (unknown events are skipped: a newer build may have written them). */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  if (event.type === 'AccountRegistered') {
    const { accountId, username, displayName, kind } = event.data;
    return {
      status: 'registered',
      account: {
        accountId,
        username,
        displayName,
        kind,
        disabled: false,
        grants: [],
        passwordSet: false,
        mustChangePassword: false,
        failuresInARow: 0,
        externalIdentities: [],
        serviceTokens: [],
      },
    };
  }
  if (state.status === 'none') return state;
  const account = applyToAccount(state.account, event);
  return account === state.account ? state : { status: 'registered', account };
}

function applyToAccount(a: Account, event: AccountEvent): Account {
  switch (event.type) {
    case 'RoleGranted': {
      const { grantId, role, unitId, validFrom, validUntil } = event.data;
      return { ...a, grants: [...a.grants, { grantId, role, unitId, validFrom, validUntil }] };
    }
    case 'RoleRevoked':
      return {
        ...a,
        grants: a.grants.map((g) =>
          g.grantId === event.data.grantId && (g.validUntil === undefined || event.data.effectiveOn < g.validUntil)
            ? { ...g, validUntil: event.data.effectiveOn }
            : g,
        ),
      };
    case 'PasswordSet':
      return { ...a, passwordSet: true, mustChangePassword: event.data.mustChange };
    case 'AccountDisabled':
      return { ...a, disabled: true };
    case 'AccountEnabled':
      return { ...a, disabled: false };
    case 'SignedIn':
      return { ...a, failuresInARow: 0, lockedUntil: undefined };
    case 'SignInFailed':
      return { ...a, failuresInARow: event.data.failuresInARow };
    case 'AccountLocked':
      return { ...a, lockedUntil: event.data.until };
    case 'AccountUnlocked':
      return { ...a, lockedUntil: undefined, failuresInARow: 0 };
    case 'ExternalIdentityLinked':
      return { ...a, externalIdentities: [...a.externalIdentities, { ...event.data }] };
    case 'ServiceTokenIssued': {
      const { tokenId, label, scope, expiresAt } = event.data;
      return { ...a, serviceTokens: [...a.serviceTokens, { tokenId, label, scope, expiresAt, revoked: false }] };
    }
    case 'ServiceTokenRevoked':
      return {
        ...a,
        serviceTokens: a.serviceTokens.map((t) => (t.tokenId === event.data.tokenId ? { ...t, revoked: true } : t)),
      };
    default:
      return a;
  }
}

/** True when the account is locked at the instant. */
export function lockedAt(account: Account, at: Instant): boolean {
  return account.lockedUntil !== undefined && at < account.lockedUntil;
}
