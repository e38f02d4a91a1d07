import type { Db } from '../persistence/db';

export interface LinkedIdentity {
  issuer: string;
  subject: string;
  accountId: string;
  linkedAt: Date;
}

/**
 * accounts.external_identities: which account a provider's subject (issuer, sub) signs in as. The account's stream
 * records each link (ExternalIdentityLinked); this table is what a sign-in looks up, and its primary key is what
 * keeps one subject from being linked to two accounts.
 */
export class IdentityStore {
  constructor(private readonly db: Db) {}

  async find(issuer: string, subject: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ account_id: string }>(
      'SELECT account_id FROM accounts.external_identities WHERE issuer = $1 AND subject = $2',
      [issuer, subject],
    );
    return rows[0]?.account_id;
  }

  async listFor(accountId: string): Promise<LinkedIdentity[]> {
    const { rows } = await this.db.query<{ issuer: string; subject: string; account_id: string; linked_at: Date }>(
      `SELECT issuer, subject, account_id, linked_at FROM accounts.external_identities
         WHERE account_id = $1 ORDER BY linked_at, issuer, subject`,
      [accountId],
    );
    return rows.map((r) => ({ issuer: r.issuer, subject: r.subject, accountId: r.account_id, linkedAt: r.linked_at }));
  }

  /**
   * Claims the subject for the account: `claimed` (new row), `already` (it was this account's) or `taken` (another
   * account holds it; nothing changes).
   */
  async claim(issuer: string, subject: string, accountId: string): Promise<'claimed' | 'already' | 'taken'> {
    const inserted = await this.db.query(
      `INSERT INTO accounts.external_identities (issuer, subject, account_id) VALUES ($1, $2, $3)
         ON CONFLICT (issuer, subject) DO NOTHING`,
      [issuer, subject, accountId],
    );
    if ((inserted.rowCount ?? 0) > 0) return 'claimed';
    return (await this.find(issuer, subject)) === accountId ? 'already' : 'taken';
  }

  /** Gives a claim back (the link it was for could not be recorded). */
  async release(issuer: string, subject: string, accountId: string): Promise<void> {
    await this.db.query(
      'DELETE FROM accounts.external_identities WHERE issuer = $1 AND subject = $2 AND account_id = $3',
      [issuer, subject, accountId],
    );
  }
}
