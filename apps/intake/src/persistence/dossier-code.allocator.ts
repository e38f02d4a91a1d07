import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@app/platform';

/**
 * Issues dossier codes: a per-unit, per-local-day sequence taken atomically (safe under any concurrency),
 * and records code → dossier id. A number taken by a receipt that then fails is not reused.
 */
@Injectable()
export class DossierCodeAllocator {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async nextSequence(unitCode: string, localDay: string): Promise<number> {
    const { rows } = await this.pool.query<{ last_sequence: number }>({
      name: 'intake-next-code-sequence',
      text: `INSERT INTO intake.dossier_code_counters (unit_code, local_day, last_sequence) VALUES ($1, $2, 1)
             ON CONFLICT (unit_code, local_day) DO UPDATE SET last_sequence = intake.dossier_code_counters.last_sequence + 1
             RETURNING last_sequence`,
      values: [unitCode, localDay],
    });
    return (rows[0] as { last_sequence: number }).last_sequence;
  }

  async record(code: string, dossierId: string): Promise<void> {
    await this.pool.query({
      name: 'intake-record-code',
      text: 'INSERT INTO intake.dossier_codes (code, dossier_id) VALUES ($1, $2) ON CONFLICT (dossier_id) DO NOTHING',
      values: [code, dossierId],
    });
  }

  async dossierIdOf(code: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ dossier_id: string }>('SELECT dossier_id FROM intake.dossier_codes WHERE code = $1', [code]);
    return rows[0]?.dossier_id;
  }
}
