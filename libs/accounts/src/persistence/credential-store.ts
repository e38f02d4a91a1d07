import type { Db } from './db';

/** Password hashes (argon2id, encoded with their parameters), apart from the log. */
export class CredentialStore {
  constructor(private readonly db: Db) {}

  async save(accountId: string, passwordHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO accounts.credentials (account_id, password_hash) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()`,
      [accountId, passwordHash],
    );
  }

  async find(accountId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM accounts.credentials WHERE account_id = $1',
      [accountId],
    );
    return rows[0]?.password_hash;
  }
}
