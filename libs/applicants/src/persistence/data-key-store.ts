import { randomBytesPooled } from '../crypto/random-pool';
import type { Pool } from 'pg';
import type { MasterKeyProvider } from '../crypto/master-key-provider';

/**
 * Applicants' data keys, wrapped by a master key in applicants.applicants (their row). Unwrapped keys are kept a short while in
 * memory (a busy counter reads the same applicants); erasure in this process forgets them at once.
 */
export class DataKeyStore {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();

  constructor(
    private readonly pool: Pool,
    private readonly masterKeys: MasterKeyProvider,
    private readonly cacheMs = 5_000,
  ) {}

  /** A new data key, wrapped, not stored yet (ApplicantIndex.register stores it with the rest). */
  async mint(applicantId: string): Promise<{ key: Buffer; masterKeyId: string; wrapped: Buffer }> {
    const key = randomBytesPooled(32);
    return { key, ...(await this.masterKeys.wrap(key, applicantId)) };
  }

  /** Unwraps a key read elsewhere (with the applicant's index), through the cache. */
  async unwrapped(applicantId: string, masterKeyId: string, wrapped: Buffer): Promise<Buffer> {
    const hit = this.cache.get(applicantId);
    if (hit && hit.until > Date.now()) return hit.key;
    const key = await this.masterKeys.unwrap(wrapped, masterKeyId, applicantId);
    this.remember(applicantId, key);
    return key;
  }

  /** The applicant's data key, or undefined once erased. */
  async find(applicantId: string): Promise<Buffer | undefined> {
    const hit = this.cache.get(applicantId);
    if (hit && hit.until > Date.now()) return hit.key;
    const { rows } = await this.pool.query<{ master_key_id: string; wrapped_key: Buffer }>(
      'SELECT master_key_id, wrapped_key FROM applicants.applicants WHERE applicant_id = $1',
      [applicantId],
    );
    const row = rows[0];
    if (!row) {
      this.cache.delete(applicantId);
      return undefined;
    }
    const key = await this.masterKeys.unwrap(row.wrapped_key, row.master_key_id, applicantId);
    this.remember(applicantId, key);
    return key;
  }

  /** Forgets the applicant's key in this process (its row is deleted by ApplicantIndex.forget). */
  forget(applicantId: string): void {
    this.cache.delete(applicantId);
  }

  /**
   * Re-wraps every data key not wrapped by the current master key (after `rotate()`); the log is not touched.
   * Returns how many were re-wrapped.
   */
  async rewrapAll(): Promise<number> {
    const current = await this.masterKeys.currentKeyId();
    let done = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ applicant_id: string; master_key_id: string; wrapped_key: Buffer }>(
        `SELECT applicant_id, master_key_id, wrapped_key FROM applicants.applicants
           WHERE master_key_id <> $1 ORDER BY applicant_id LIMIT 500`,
        [current],
      );
      if (rows.length === 0) return done;
      for (const row of rows) {
        const key = await this.masterKeys.unwrap(row.wrapped_key, row.master_key_id, row.applicant_id);
        const { masterKeyId, wrapped } = await this.masterKeys.wrap(key, row.applicant_id);
        await this.pool.query(
          `UPDATE applicants.applicants SET master_key_id = $2, wrapped_key = $3, rewrapped_at = now()
             WHERE applicant_id = $1 AND master_key_id = $4`,
          [row.applicant_id, masterKeyId, wrapped, row.master_key_id],
        );
        done++;
      }
    }
  }

  remember(applicantId: string, key: Buffer): void {
    if (this.cacheMs <= 0) return;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(applicantId, { key, until: Date.now() + this.cacheMs });
  }
}
