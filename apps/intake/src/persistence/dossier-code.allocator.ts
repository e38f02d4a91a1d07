import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@app/platform';
import { Batcher, retryablePostgresError } from '@app/platform/database/batcher';

interface SequenceRequest {
  unitCode: string;
  localDay: string;
}

interface CodeRecord {
  code: string;
  dossierId: string;
}

/**
 * Issues dossier codes: a per-unit, per-local-day sequence taken atomically (safe under any concurrency, and across
 * intake processes), and records code → dossier id before the receipt is appended. A number taken by a receipt
 * that then fails is not reused; its code names a dossier that does not bear it (lookups check).
 * Concurrent receipts share round trips: the numbers for every pending receipt are taken in one statement (the
 * counters of a batch locked in a fixed order), the codes recorded in another.
 *
 * Durability: when this PostgreSQL also holds the event log, both statements commit without waiting for the WAL
 * flush. Nothing acknowledged can be lost by that: the receipt's append commits later, durably, and a flush of
 * the WAL up to its commit record flushes these earlier commits too. A crash before it loses only numbers no
 * acknowledged receipt bears. With another event store (KurrentDB) they wait for their own flush.
 */
@Injectable()
export class DossierCodeAllocator {
  private readonly sequences = new Batcher<SequenceRequest, number>((requests) => this.takeSequences(requests), {
    maxInFlight: 1,
    maxWeight: 500,
    retryable: retryablePostgresError,
  });

  private readonly records = new Batcher<CodeRecord, void>((records) => this.recordCodes(records), {
    maxInFlight: 2,
    maxWeight: 500,
    exclusive: (record) => [record.code],
  });

  private readonly asyncCommit: boolean;

  constructor(@Inject(PG_POOL) private readonly pool: Pool, @Inject(APP_CONFIG) config: Pick<AppConfig, 'eventStore'>) {
    this.asyncCommit = config.eventStore === 'postgres';
  }

  nextSequence(unitCode: string, localDay: string): Promise<number> {
    return this.sequences.submit({ unitCode, localDay });
  }

  record(code: string, dossierId: string): Promise<void> {
    return this.records.submit({ code, dossierId });
  }

  async dossierIdOf(code: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ dossier_id: string }>('SELECT dossier_id FROM intake.dossier_codes WHERE code = $1', [code]);
    return rows[0]?.dossier_id;
  }

  /** One statement takes `n` numbers from each counter the batch needs; each request gets the next of its counter's. */
  private async takeSequences(requests: SequenceRequest[]): Promise<number[]> {
    const counters = new Map<string, SequenceRequest & { count: number; next: number }>();
    for (const r of requests) {
      const counter = counters.get(counterKey(r.unitCode, r.localDay));
      if (counter) counter.count += 1;
      else counters.set(counterKey(r.unitCode, r.localDay), { ...r, count: 1, next: 0 });
    }
    const ordered = [...counters.values()].sort((a, b) => (a.unitCode === b.unitCode ? a.localDay.localeCompare(b.localDay) : a.unitCode.localeCompare(b.unitCode)));
    const { rows } = await this.pool.query<{ unit_code: string; local_day: string; last_sequence: number }>({
      name: 'intake-take-code-sequences',
      text: 'SELECT unit_code, local_day, last_sequence FROM intake.take_code_sequences($1::text[], $2::date[], $3::int4[], $4)',
      values: [ordered.map((c) => c.unitCode), ordered.map((c) => c.localDay), ordered.map((c) => c.count), this.asyncCommit],
    });
    for (const row of rows) {
      const counter = counters.get(counterKey(row.unit_code, row.local_day));
      if (counter) counter.next = row.last_sequence - counter.count + 1;
    }
    return requests.map((r) => {
      const counter = counters.get(counterKey(r.unitCode, r.localDay));
      if (!counter?.next) throw new Error(`no dossier code counter returned for ${r.unitCode} on ${r.localDay}`);
      return counter.next++;
    });
  }

  private async recordCodes(records: CodeRecord[]): Promise<void[]> {
    await this.pool.query({
      name: 'intake-record-codes',
      text: 'SELECT intake.record_codes($1::text[], $2::uuid[], $3)',
      values: [records.map((r) => r.code), records.map((r) => r.dossierId), this.asyncCommit],
    });
    return records.map(() => undefined);
  }
}

function counterKey(unitCode: string, localDay: string): string {
  return JSON.stringify([unitCode, localDay]);
}
