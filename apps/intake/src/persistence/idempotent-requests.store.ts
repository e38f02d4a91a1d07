import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@app/platform';

export interface StoredAnswer {
  fingerprint: string;
  statusCode: number;
  body: unknown;
}

/** First answers to requests that carried an Idempotency-Key, per principal. */
@Injectable()
export class IdempotentRequestsStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async find(principal: string, key: string): Promise<StoredAnswer | undefined> {
    const { rows } = await this.pool.query<{ fingerprint: string; status_code: number; body: unknown }>({
      name: 'intake-find-idempotent',
      text: 'SELECT fingerprint, status_code, body FROM intake.idempotent_requests WHERE principal = $1 AND idempotency_key = $2',
      values: [principal, key],
    });
    const row = rows[0];
    return row && { fingerprint: row.fingerprint, statusCode: row.status_code, body: row.body };
  }

  /** Keeps the first answer; a concurrent duplicate that finishes second does not overwrite it. */
  async save(principal: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.pool.query({
      name: 'intake-save-idempotent',
      text: `INSERT INTO intake.idempotent_requests (principal, idempotency_key, fingerprint, status_code, body)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      values: [principal, key, answer.fingerprint, answer.statusCode, JSON.stringify(answer.body)],
    });
  }
}
