export {
  ACCOUNT_EVENT_SCHEMA_VERSION,
  type AccountEvent,
  type AccountEventType,
  type AccountKind,
} from './account-events';
export { ACCOUNT_ERROR_MESSAGES, AccountError, type AccountErrorCode } from './account-errors';
export {
  type Account,
  type AccountState,
  evolveAccount,
  initialAccountState,
  lockedAt,
  type ServiceToken,
} from './account-state';
export { ACCOUNT_STREAM_PREFIX, accountStreamId, normaliseUsername, USERNAME } from './account-streams';
export { type AccountCommand, decideAccount, DEFAULT_LOCKOUT, type LockoutPolicy, todayAt } from './decide-account';
export { actingRole, type Grant, grantInForce, holdsAnyRole, readsUnit, type RoleInUnit, rolesInForce } from './grants';
export { ACTING_ROLES, EVERY_UNIT, isRole, READING_ROLES, type Role, ROLE_NAMES, ROLES } from './roles';
