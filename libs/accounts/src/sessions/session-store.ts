import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../persistence/db';

/** How long a session lives: idle (no request) and absolute (whatever the activity). */
export interface SessionLifetime {
  idleMinutes: number;
  absoluteHours: number;
}
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleMinutes: 30, absoluteHours: 12 };

export interface NewSession {
  sessionId: string;
  /** The cookie's value: shown once, only its SHA-256 is kept. */
  secret: string;
  /** The anti-CSRF token the client sends back in X-CSRF-Token with every write. */
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionRow {
  sessionId: string;
  accountId: string;
  csrfToken: string;
  method: string;
  address: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** People's sessions in accounts.sessions. */
export class SessionStore {
  constructor(
    private readonly db: Db,
    readonly lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
  ) {}

  async create(accountId: string, method: string, address: string, userAgent: string): Promise<NewSession> {
    const session: NewSession = {
      sessionId: randomUUID(),
      secret: randomBytes(32).toString('base64url'),
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: new Date(Date.now() + this.lifetime.absoluteHours * 3_600_000),
    };
    await this.db.query(
      `INSERT INTO accounts.sessions (session_id, secret_hash, csrf_token, account_id, method, address, user_agent,
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        session.sessionId,
        secretHash(session.secret),
        session.csrfToken,
        accountId,
        method,
        address.slice(0, 100),
        userAgent.slice(0, 300),
        session.expiresAt,
      ],
    );
    return session;
  }

  /**
   * The live session of a cookie secret: not revoked, not past its absolute end, used within the idle timeout.
   * Marks it seen (at most once a minute, so a busy desk does not write on every request).
   */
  async findLive(secret: string): Promise<SessionRow | undefined> {
    const { rows } = await this.db.query<RawRow>(
      `UPDATE accounts.sessions SET last_seen_at = CASE WHEN last_seen_at < now() - interval '1 minute'
           THEN now() ELSE last_seen_at END
         WHERE secret_hash = $1 AND revoked_at IS NULL AND expires_at > now()
           AND last_seen_at > now() - make_interval(mins => $2)
         RETURNING ${COLUMNS}`,
      [secretHash(secret), this.lifetime.idleMinutes],
    );
    return rows[0] && toRow(rows[0]);
  }

  /** The account's live sessions, newest first. */
  async listLive(accountId: string): Promise<SessionRow[]> {
    const { rows } = await this.db.query<RawRow>(
      `SELECT ${COLUMNS} FROM accounts.sessions WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > now()
         AND last_seen_at > now() - make_interval(mins => $2) ORDER BY created_at DESC`,
      [accountId, this.lifetime.idleMinutes],
    );
    return rows.map(toRow);
  }

  /** Revokes one session of the account; false when there was no such live session. */
  async revoke(accountId: string, sessionId: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE accounts.sessions SET revoked_at = now()
         WHERE account_id = $1 AND session_id = $2 AND revoked_at IS NULL`,
      [accountId, sessionId],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Revokes every session of the account (password changed, account disabled); returns how many. */
  async revokeAll(accountId: string, except?: string): Promise<number> {
    const { rowCount } = await this.db.query(
      `UPDATE accounts.sessions SET revoked_at = now()
         WHERE account_id = $1 AND revoked_at IS NULL AND session_id IS DISTINCT FROM $2`,
      [accountId, except ?? null],
    );
    return rowCount ?? 0;
  }
}

interface RawRow {
  session_id: string;
  account_id: string;
  csrf_token: string;
  method: string;
  address: string;
  user_agent: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}
const COLUMNS = 'session_id, account_id, csrf_token, method, address, user_agent, created_at, last_seen_at, expires_at';
const toRow = (r: RawRow): SessionRow => ({
  sessionId: r.session_id,
  accountId: r.account_id,
  csrfToken: r.csrf_token,
  method: r.method,
  address: r.address,
  userAgent: r.user_agent,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
});
