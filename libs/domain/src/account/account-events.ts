import type { Instant, LocalDate } from '../time/local-date';
import type { Role } from './roles';

/** A person on the staff, or a machine (another one-stop system posting receipts) with bearer tokens. */
export type AccountKind = 'person' | 'service';

/**
 * What happens to an account, one stream per account (`account-<id>`). Nothing here is secret: the password hash
 * lives apart from the log (it must change and be forgotten), tokens and sessions only by a reference.
 */
export type AccountEvent =
  | {
      type: 'AccountRegistered';
      data: { accountId: string; username: string; displayName: string; kind: AccountKind; occurredAt: Instant };
    }
  | {
      type: 'RoleGranted';
      data: {
        grantId: string;
        role: Role;
        unitId: string;
        validFrom: LocalDate;
        validUntil?: LocalDate;
        occurredAt: Instant;
      };
    }
  | { type: 'RoleRevoked'; data: { grantId: string; effectiveOn: LocalDate; occurredAt: Instant } }
  | {
      type: 'PasswordSet';
      data: { reason: 'initial' | 'changed' | 'reset'; mustChange: boolean; occurredAt: Instant };
    }
  | { type: 'AccountDisabled'; data: { reason: string; occurredAt: Instant } }
  | { type: 'AccountEnabled'; data: { occurredAt: Instant } }
  | {
      type: 'SignedIn';
      data: { method: 'password' | 'oidc'; sessionRef: string; address: string; occurredAt: Instant };
    }
  | {
      type: 'SignInFailed';
      data: {
        reason: 'wrong-password' | 'disabled' | 'locked' | 'no-password';
        address: string;
        failuresInARow: number;
        occurredAt: Instant;
      };
    }
  | { type: 'AccountLocked'; data: { until: Instant; failuresInARow: number; occurredAt: Instant } }
  | { type: 'AccountUnlocked'; data: { occurredAt: Instant } }
  | { type: 'SignedOut'; data: { sessionRef: string; how: 'sign-out' | 'revoked' | 'all'; occurredAt: Instant } }
  | { type: 'ExternalIdentityLinked'; data: { issuer: string; subject: string; occurredAt: Instant } }
  | {
      type: 'ServiceTokenIssued';
      data: {
        tokenId: string;
        label: string;
        scope: { role: Role; unitId: string }[];
        expiresAt: Instant;
        occurredAt: Instant;
      };
    }
  | { type: 'ServiceTokenRevoked'; data: { tokenId: string; occurredAt: Instant } };

export type AccountEventType = AccountEvent['type'];
export const ACCOUNT_EVENT_SCHEMA_VERSION = 1;
