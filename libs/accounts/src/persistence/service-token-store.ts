import type { RoleInUnit } from '@app/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from './db';

/** Bearer tokens of service accounts start with this, so they are told from a signed token at a glance. */
export const SERVICE_TOKEN_PREFIX = 'dtk_';

export interface ServiceTokenRow {
  tokenId: string;
  accountId: string;
  label: string;
  scope: RoleInUnit[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
}

const hashOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Machines' tokens in accounts.service_tokens (the token itself is shown once; only its SHA-256 is kept). */
export class ServiceTokenStore {
  constructor(private readonly db: Db) {}

  /** A new token id and secret (not stored yet: the account's stream records the issue first). */
  mint(): { tokenId: string; token: string } {
    return { tokenId: randomUUID(), token: `${SERVICE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}` };
  }

  async save(token: string, row: Omit<ServiceTokenRow, 'createdAt' | 'revokedAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO accounts.service_tokens (token_id, token_hash, account_id, label, scope, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (token_id) DO NOTHING`,
      [row.tokenId, hashOf(token), row.accountId, row.label, JSON.stringify(row.scope), row.expiresAt],
    );
  }

  /** The live token (not revoked, not expired) of a bearer value. */
  async findLive(token: string): Promise<ServiceTokenRow | undefined> {
    const { rows } = await this.db.query<RawRow>(
      `SELECT ${COLUMNS} FROM accounts.service_tokens
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [hashOf(token)],
    );
    return rows[0] && toRow(rows[0]);
  }

  async list(accountId: string): Promise<ServiceTokenRow[]> {
    const { rows } = await this.db.query<RawRow>(
      `SELECT ${COLUMNS} FROM accounts.service_tokens WHERE account_id = $1 ORDER BY created_at DESC`,
      [accountId],
    );
    return rows.map(toRow);
  }

  async revoke(accountId: string, tokenId: string): Promise<void> {
    await this.db.query(
      `UPDATE accounts.service_tokens SET revoked_at = now()
         WHERE account_id = $1 AND token_id = $2 AND revoked_at IS NULL`,
      [accountId, tokenId],
    );
  }
}

interface RawRow {
  token_id: string;
  account_id: string;
  label: string;
  scope: RoleInUnit[];
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}
const COLUMNS = 'token_id, account_id, label, scope, created_at, expires_at, revoked_at';
const toRow = (r: RawRow): ServiceTokenRow => ({
  tokenId: r.token_id,
  accountId: r.account_id,
  label: r.label,
  scope: r.scope,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
});
