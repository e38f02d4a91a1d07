import {
  type Account,
  AccountError,
  type AccountKind,
  EVERY_UNIT,
  isLocalDate,
  isRole,
  type LocalDate,
  lockedAt,
  normaliseUsername,
  type Role,
  type RoleInUnit,
  todayAt,
} from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { accountLocked, badCredentials } from './auth-errors';
import { passwordProblem } from './passwords/password-policy';
import { decoyHash, hashPassword, oneTimePassword, verifyPassword } from './passwords/password-hasher';
import type { AccountActor } from './persistence/account-repository';
import { AccountRepository } from './persistence/account-repository';
import { type AccountView, findAccountView, listAccountViews } from './persistence/account-view';
import { CredentialStore } from './persistence/credential-store';
import type { Db } from './persistence/db';
import { type ServiceTokenRow, ServiceTokenStore } from './persistence/service-token-store';
import type { PrincipalCache } from './principal-cache';
import { type NewSession, SessionStore } from './sessions/session-store';
import type { UnitCheck } from './unit-check';

export interface NewGrant {
  role: Role;
  unitId: string;
  validFrom?: LocalDate;
  validUntil?: LocalDate;
}

export interface Registration {
  username: string;
  displayName: string;
  kind?: AccountKind;
  grants?: NewGrant[];
  /** Without one, a one-time password is made (to change at first sign-in) and returned once. */
  password?: string;
}

export interface SignedIn {
  session: NewSession;
  account: AccountView;
}

/** The system itself as the actor (the command line, first run). */
export const SYSTEM_ACTOR: AccountActor = { actor: 'system', actorName: 'Hệ thống' };

/**
 * Accounts' use cases: registration, grants, passwords, sign-in and sign-out, disabling, service tokens. Every change
 * is an event of the account's stream; the hash, the sessions and the token secrets live in their tables.
 */
export class AccountsService {
  readonly repository: AccountRepository;
  readonly credentials: CredentialStore;

  constructor(
    store: EventStore,
    private readonly db: Db,
    readonly sessions: SessionStore,
    readonly serviceTokens: ServiceTokenStore,
    private readonly unitExists: UnitCheck,
    private readonly cache?: PrincipalCache,
  ) {
    this.repository = new AccountRepository(store, db);
    this.credentials = new CredentialStore(db);
  }

  async register(registration: Registration, by: AccountActor): Promise<{ account: AccountView; password?: string }> {
    const username = normaliseUsername(registration.username);
    const kind = registration.kind ?? 'person';
    const grants = registration.grants ?? [];
    for (const [index, grant] of grants.entries()) await this.checkGrant(grant, `grants[${index}]`);
    let password: string | undefined;
    if (kind === 'person') {
      password = registration.password ?? oneTimePassword();
      if (registration.password !== undefined) this.checkPassword(password, username, 'password');
    }
    await this.repository.execute(
      username,
      { type: 'Register', username, displayName: registration.displayName, kind },
      by,
    );
    for (const grant of grants) await this.grant(username, grant, by);
    if (password !== undefined) {
      await this.credentials.save(username, await hashPassword(password));
      await this.repository.execute(
        username,
        { type: 'SetPassword', reason: 'initial', mustChange: registration.password === undefined },
        by,
      );
    }
    return {
      account: await this.view(username),
      ...(registration.password === undefined && password ? { password } : {}),
    };
  }

  async grant(username: string, grant: NewGrant, by: AccountActor): Promise<AccountView> {
    await this.checkGrant(grant, '');
    const validFrom = grant.validFrom ?? todayAt(new Date().toISOString());
    await this.repository.execute(
      username,
      {
        type: 'GrantRole',
        grantId: randomUUID(),
        role: grant.role,
        unitId: grant.unitId,
        validFrom,
        validUntil: grant.validUntil,
      },
      by,
    );
    return this.changed(username);
  }

  async revoke(
    username: string,
    grantId: string,
    effectiveOn: LocalDate | undefined,
    by: AccountActor,
  ): Promise<AccountView> {
    refuseOwnAccess(username, by);
    if (effectiveOn !== undefined && !isLocalDate(effectiveOn))
      throw new AccountError('INVALID_VALIDITY', 'effectiveOn');
    const on = effectiveOn ?? todayAt(new Date().toISOString());
    await this.repository.execute(username, { type: 'RevokeRole', grantId, effectiveOn: on }, by);
    return this.changed(username);
  }

  async disable(username: string, reason: string, by: AccountActor): Promise<AccountView> {
    refuseOwnAccess(username, by);
    await this.repository.execute(username, { type: 'Disable', reason }, by);
    await this.sessions.revokeAll(username);
    return this.changed(username);
  }

  async enable(username: string, by: AccountActor): Promise<AccountView> {
    await this.repository.execute(username, { type: 'Enable' }, by);
    return this.changed(username);
  }

  async unlock(username: string, by: AccountActor): Promise<AccountView> {
    await this.repository.execute(username, { type: 'Unlock' }, by);
    return this.changed(username);
  }

  /** An administrator's reset: a one-time password, returned once; every session of the account ends. */
  async resetPassword(username: string, by: AccountActor): Promise<string> {
    const account = await this.existing(username);
    const password = oneTimePassword();
    await this.credentials.save(account.accountId, await hashPassword(password));
    await this.repository.execute(account.accountId, { type: 'SetPassword', reason: 'reset', mustChange: true }, by);
    await this.sessions.revokeAll(account.accountId);
    this.changed(account.accountId);
    return password;
  }

  /** A person changes their own password: the current one is checked; their other sessions end. */
  async changePassword(accountId: string, current: string, next: string, keepSession?: string): Promise<void> {
    const hash = await this.credentials.find(accountId);
    if (!hash || !(await verifyPassword(hash, current))) throw badCredentials();
    this.checkPassword(next, accountId, 'newPassword');
    await this.credentials.save(accountId, await hashPassword(next));
    const self = { actor: accountId, actorName: (await this.existing(accountId)).displayName };
    await this.repository.execute(accountId, { type: 'SetPassword', reason: 'changed', mustChange: false }, self);
    await this.sessions.revokeAll(accountId, keepSession);
    this.changed(accountId);
  }

  /**
   * Sign-in with a password. A wrong password, an unknown name, a disabled account answer the same 401 (and take the
   * same time: an unknown name is checked against a decoy hash); each failure is an event of the account, and
   * DEFAULT_LOCKOUT failures in a row lock it (429 until the lock ends or an administrator unlocks it).
   */
  async signIn(usernameGiven: string, password: string, address: string, userAgent: string): Promise<SignedIn> {
    const username = normaliseUsername(usernameGiven);
    const account = await this.repository.load(username).catch(() => undefined);
    const hash = account ? await this.credentials.find(account.accountId) : undefined;
    const matches = await verifyPassword(hash ?? (await decoyHash()), password);
    if (!account || account.kind !== 'person') throw badCredentials();
    const now = new Date().toISOString();
    const self = { actor: account.accountId, actorName: account.displayName };
    if (lockedAt(account, now)) {
      await this.repository.execute(
        account.accountId,
        { type: 'RecordSignInFailure', reason: 'locked', address },
        self,
      );
      throw accountLocked(account.lockedUntil as string);
    }
    if (!matches || account.disabled || !hash) {
      const reason = account.disabled ? 'disabled' : hash ? 'wrong-password' : 'no-password';
      const handled = await this.repository.execute(
        account.accountId,
        { type: 'RecordSignInFailure', reason, address },
        self,
      );
      const after = handled.state.status === 'registered' ? handled.state.account : account;
      if (lockedAt(after, now)) throw accountLocked(after.lockedUntil as string);
      throw badCredentials();
    }
    return this.openSession(account, 'password', address, userAgent);
  }

  /** A session for an account whose identity was proven elsewhere (single sign-on). */
  async openSession(
    account: Account,
    method: 'password' | 'oidc',
    address: string,
    userAgent: string,
  ): Promise<SignedIn> {
    const session = await this.sessions.create(account.accountId, method, address, userAgent);
    await this.repository.execute(
      account.accountId,
      { type: 'RecordSignIn', method, sessionRef: session.sessionId, address },
      { actor: account.accountId, actorName: account.displayName },
    );
    return { session, account: await this.view(account.accountId) };
  }

  /** Ends a session (sign-out, or an administrator's revoke); recorded on the account. */
  async endSession(
    accountId: string,
    sessionId: string,
    how: 'sign-out' | 'revoked',
    by: AccountActor,
  ): Promise<boolean> {
    const ended = await this.sessions.revoke(accountId, sessionId);
    if (ended) await this.repository.execute(accountId, { type: 'RecordSignOut', sessionRef: sessionId, how }, by);
    this.cache?.forgetAccount(accountId);
    return ended;
  }

  async issueServiceToken(
    username: string,
    request: { label: string; scope: RoleInUnit[]; expiresInDays: number },
    by: AccountActor,
  ): Promise<{ token: string; row: ServiceTokenRow }> {
    const account = await this.existing(username);
    const { tokenId, token } = this.serviceTokens.mint();
    const expiresAt = new Date(Date.now() + request.expiresInDays * 86_400_000);
    await this.repository.execute(
      account.accountId,
      {
        type: 'IssueServiceToken',
        tokenId,
        label: request.label,
        scope: request.scope,
        expiresAt: expiresAt.toISOString(),
      },
      by,
    );
    const row = { tokenId, accountId: account.accountId, label: request.label, scope: request.scope, expiresAt };
    await this.serviceTokens.save(token, row);
    return { token, row: { ...row, createdAt: new Date() } };
  }

  async revokeServiceToken(username: string, tokenId: string, by: AccountActor): Promise<void> {
    const account = await this.existing(username);
    await this.repository.execute(account.accountId, { type: 'RevokeServiceToken', tokenId }, by);
    await this.serviceTokens.revoke(account.accountId, tokenId);
    this.changed(account.accountId);
  }

  list(): Promise<AccountView[]> {
    return listAccountViews(this.db);
  }

  async view(username: string): Promise<AccountView> {
    const view = await findAccountView(this.db, normaliseUsername(username));
    if (!view) throw new AccountError('ACCOUNT_NOT_FOUND', 'username');
    return view;
  }

  async history(username: string): Promise<RecordedEvent[]> {
    await this.view(username);
    return this.repository.history(normaliseUsername(username));
  }

  private async existing(username: string): Promise<Account> {
    const account = await this.repository.load(normaliseUsername(username));
    if (!account) throw new AccountError('ACCOUNT_NOT_FOUND', 'username');
    return account;
  }

  private changed(accountId: string): Promise<AccountView> {
    this.cache?.forgetAccount(accountId);
    return this.view(accountId);
  }

  private async checkGrant(grant: NewGrant, prefix: string): Promise<void> {
    const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
    if (!isRole(grant.role)) throw new AccountError('INVALID_ROLE', at('role'));
    for (const field of ['validFrom', 'validUntil'] as const) {
      const value = grant[field];
      if (value !== undefined && !isLocalDate(value)) throw new AccountError('INVALID_VALIDITY', at(field));
    }
    if (grant.unitId === EVERY_UNIT) {
      if (grant.role === 'clerk' || grant.role === 'supervisor') throw new AccountError('UNIT_REQUIRED', at('unitId'));
      return;
    }
    if (typeof grant.unitId !== 'string' || !(await this.unitExists(grant.unitId)))
      throw new AccountError('UNKNOWN_UNIT', at('unitId'));
  }

  private checkPassword(password: string, username: string, field: string): void {
    const problem = passwordProblem(password, username);
    if (problem) throw new AccountError('WEAK_PASSWORD', field, problem);
  }
}

/** Nobody locks themselves out: disabling one's own account or ending one's own grant needs another administrator. */
function refuseOwnAccess(username: string, by: AccountActor): void {
  if (normaliseUsername(username) === by.actor) throw new AccountError('OWN_ACCESS', 'username');
}
