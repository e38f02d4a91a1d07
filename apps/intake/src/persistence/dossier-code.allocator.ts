import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { MAX_DAILY_SEQUENCE, parseDossierCode } from '@app/domain';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@app/platform';
import { Batcher, retryablePostgresError } from '@app/platform/pg';

interface CodeRequest {
  unitCode: string;
  localDay: string;
  dossierId: string;
  fresh: boolean;
}

/**
 * What a request for a number got:
 * - `issued`: the next number of the unit's day; `held`: the number this dossier already holds for that unit and
 *   day (a repeat: nothing consumed);
 * - `held_elsewhere`: the dossier holds a number of another unit or day (a repeat after midnight, or a retry of a
 *   receipt whose first attempt failed): nothing consumed; the caller checks the log, then asks with `fresh`;
 * - `exhausted`: every number of the day has been issued (MAX_DAILY_SEQUENCE).
 */
export type IssuedSequence =
  | { outcome: 'issued'; sequence: number }
  | { outcome: 'held'; sequence: number }
  | { outcome: 'held_elsewhere' }
  | { outcome: 'exhausted' };

/**
 * Issues dossier codes: the next number of a per-unit, per-local-day sequence, taken atomically (safe under any
 * concurrency, and across intake processes) and recorded with the dossier id before the receipt is appended. A
 * repeat of a receipt (same dossier id, unit and day) gets the number it holds and takes none. A number taken by a
 * receipt that then fails is not reused; it names a dossier that does not bear it (lookups check). Past the code
 * format's last number (9999) a day has no more numbers: the receipt is refused (docs/dossier-codes.md). Concurrent receipts share one statement (intake.issue_codes; counters locked in a fixed order).
 *
 * Durability: when this PostgreSQL also holds the event log, the statement commits without waiting for the WAL
 * flush. Nothing acknowledged can be lost by that: the receipt's append commits later, durably, and a flush of
 * the WAL up to its commit record flushes this earlier commit too. A crash before it loses only numbers no
 * acknowledged receipt bears. With another event store (KurrentDB) it waits for its own flush.
 */
@Injectable()
export class DossierCodeAllocator {
  private readonly issuer = new Batcher<CodeRequest, IssuedSequence>((requests) => this.issue(requests), {
    maxInFlight: 1,
    maxWeight: 500,
    retryable: retryablePostgresError,
  });

  private readonly asyncCommit: boolean;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'eventStore'>,
  ) {
    this.asyncCommit = config.eventStore === 'postgres';
  }

  /**
   * The next number of the unit's sequence for the local day, recorded as naming `dossierId` — or the number it
   * already holds there. `fresh`: issue one even if the dossier holds a number of another unit or day.
   */
  issueSequence(
    unitCode: string,
    localDay: string,
    dossierId: string,
    options: { fresh?: boolean } = {},
  ): Promise<IssuedSequence> {
    return this.issuer.submit({ unitCode, localDay, dossierId, fresh: options.fresh ?? false });
  }

  /** The dossier a code was issued for (the dossier may not bear it: see above). */
  async dossierIdOf(code: string): Promise<string | undefined> {
    const parts = parseDossierCode(code);
    if (!parts) return undefined;
    const { rows } = await this.pool.query<{ dossier_id: string }>({
      name: 'intake-dossier-of-code',
      text: 'SELECT dossier_id FROM intake.issued_codes WHERE unit_code = $1 AND local_day = $2 AND sequence = $3',
      values: [parts.unitCode, parts.receivedOn, parts.sequence],
    });
    return rows[0]?.dossier_id;
  }

  private async issue(requests: CodeRequest[]): Promise<IssuedSequence[]> {
    const { rows } = await this.pool.query<{
      request: string;
      sequence: number | null;
      outcome: IssuedSequence['outcome'];
    }>({
      name: 'intake-issue-codes',
      text: 'SELECT request, sequence, outcome FROM intake.issue_codes($1::text[], $2::date[], $3::uuid[], $4::boolean[], $5, $6)',
      values: [
        requests.map((r) => r.unitCode),
        requests.map((r) => r.localDay),
        requests.map((r) => r.dossierId),
        requests.map((r) => r.fresh),
        this.asyncCommit,
        MAX_DAILY_SEQUENCE,
      ],
    });
    if (rows.length !== requests.length)
      throw new Error(`intake.issue_codes answered ${rows.length} of ${requests.length} requests`);
    return rows.map((row): IssuedSequence => {
      if ((row.outcome === 'issued' || row.outcome === 'held') && row.sequence !== null)
        return { outcome: row.outcome, sequence: row.sequence };
      return { outcome: row.outcome === 'held_elsewhere' ? 'held_elsewhere' : 'exhausted' };
    });
  }
}
