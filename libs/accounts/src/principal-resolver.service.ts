import { rolesInForce } from '@app/domain';
import {
  type AuthRequest,
  bearerToken,
  InvalidTokenError,
  type Principal,
  type PrincipalResolver,
  verifyToken,
} from '@app/platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import { csrfRefused, invalidToken, sessionEnded } from './auth-errors';
import { PrincipalCache } from './principal-cache';
import { type AccountView, findAccountView } from './persistence/account-view';
import type { Db } from './persistence/db';
import { SERVICE_TOKEN_PREFIX, type ServiceTokenStore } from './persistence/service-token-store';
import { SESSION_COOKIE, cookieValue } from './sessions/cookies';
import type { SessionStore } from './sessions/session-store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who sent a request, from the accounts: a session cookie (people), a service token (machines, `dtk_…`) or a signed
 * token naming an account (the development convenience of `npm run dossier -- token`). Roles always come from the
 * account as it stands (disabled: refused; grants ended: gone), service tokens are limited to their scope.
 */
export class AccountPrincipalResolver implements PrincipalResolver {
  readonly cache: PrincipalCache;

  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    private readonly serviceTokens: ServiceTokenStore,
    private readonly tokenSecret: string,
    cacheTtlMs = 5_000,
  ) {
    this.cache = new PrincipalCache(cacheTtlMs);
  }

  async resolve(request: AuthRequest): Promise<Principal | 'missing'> {
    const bearer = bearerToken(request.headers.authorization);
    if (bearer !== undefined) return this.cached(`b:${digest(bearer)}`, () => this.fromBearer(bearer));
    const secret = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (secret === undefined) return 'missing';
    const key = `s:${digest(secret)}`;
    const principal = await this.cached(key, () => this.fromSession(secret));
    if (!SAFE_METHODS.has(request.method.toUpperCase())) this.checkCsrf(request, principal);
    return principal;
  }

  private async cached(key: string, find: () => Promise<Principal>): Promise<Principal> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const principal = await find();
    this.cache.set(key, principal);
    return principal;
  }

  private async fromBearer(token: string): Promise<Principal> {
    if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
      const row = await this.serviceTokens.findLive(token);
      if (!row) throw invalidToken('unknown, revoked or expired service token');
      const account = await this.liveAccount(row.accountId);
      // the token's scope, as far as the account still holds it
      const held = rolesInForce(account.grants, new Date());
      const roles = row.scope.filter((s) =>
        held.some((h) => h.role === s.role && (h.unitId === '*' || h.unitId === s.unitId)),
      );
      return { subject: account.accountId, name: account.displayName, kind: 'service', roles, via: 'service-token' };
    }
    let accountId: string;
    try {
      accountId = verifyToken(token, this.tokenSecret);
    } catch (error) {
      throw invalidToken(error instanceof InvalidTokenError ? error.message : 'invalid token');
    }
    return this.principalOf(await this.liveAccount(accountId), 'token');
  }

  private async fromSession(secret: string): Promise<Principal> {
    const session = await this.sessions.findLive(secret);
    if (!session) throw sessionEnded();
    const account = await this.liveAccount(session.accountId).catch(() => {
      throw sessionEnded();
    });
    return {
      ...this.principalOf(account, 'session'),
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
      // a one-time password must be changed before work; single sign-on proves the person without it
      ...(account.mustChangePassword && session.method === 'password' ? { mustChangePassword: true } : {}),
    };
  }

  private async liveAccount(accountId: string): Promise<AccountView> {
    const account = await findAccountView(this.db, accountId);
    if (!account) throw invalidToken('no such account');
    if (account.disabled) throw invalidToken('account disabled');
    return account;
  }

  private principalOf(account: AccountView, via: Principal['via']): Principal {
    return {
      subject: account.accountId,
      name: account.displayName,
      kind: account.kind,
      roles: rolesInForce(account.grants, new Date()),
      via,
    };
  }

  /** A write with a session cookie must carry the session's CSRF token, and come from our own origin if it says. */
  private checkCsrf(request: AuthRequest, principal: Principal): void {
    const origin = header(request, 'origin');
    const host = header(request, 'host');
    if (origin !== undefined && host !== undefined && originHost(origin) !== host)
      throw csrfRefused('yêu cầu ghi đến từ một trang khác');
    const given = header(request, CSRF_HEADER);
    const expected = principal.csrfToken ?? '';
    if (given === undefined || !sameText(given, expected))
      throw csrfRefused(`thiếu hoặc sai tiêu đề X-CSRF-Token của phiên`);
  }
}

/** The host of an Origin header (`null` and malformed ones have none). */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const digest = (value: string): string => createHash('sha256').update(value).digest('base64url');

function header(request: AuthRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
