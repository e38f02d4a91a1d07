/** libs/accounts — staff and service accounts (own streams `account-<username>`), sign-in, sessions, tokens. */
export { AccountsModule } from './accounts.module';
export { AccountsService, type NewGrant, type Registration, type SignedIn, SYSTEM_ACTOR } from './accounts.service';
export { AuthenticationError } from './auth-errors';
export { ACCOUNT_MIGRATIONS } from './schema/account-migrations';
export { type AccountActor, AccountRepository } from './persistence/account-repository';
export { type AccountView, countAccounts, findAccountView, listAccountViews } from './persistence/account-view';
export { SERVICE_TOKEN_PREFIX, ServiceTokenStore } from './persistence/service-token-store';
export { AccountPrincipalResolver, CSRF_HEADER } from './principal-resolver.service';
export { hashPassword, oneTimePassword, verifyPassword } from './passwords/password-hasher';
export { passwordProblem } from './passwords/password-policy';
export { SessionStore } from './sessions/session-store';
export { SESSION_COOKIE } from './sessions/cookies';
export { IdentityLinker } from './oidc/identity-linker';
export { IdentityStore, type LinkedIdentity } from './oidc/identity-store';
export { PENDING_LOGIN_COOKIE } from './oidc/pending-login';
