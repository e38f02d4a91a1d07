import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@app/platform/pg';
import { type ChainEvent, ChainVerifier } from '../hash/chain-verifier';
import type { VerificationReport } from '../event-store.port';
import { LINK_BUCKETS } from '../hash/link-sums';
import { storedEventIntact } from '../hash/stored-event';
import { EVENT_STORE_TYPES } from './type-parsers';

const PAGE = 2000;

interface VerifyRow {
  stream_id: string;
  stream_position: number;
  type: string;
  schema_version: number;
  /** As stored (text): checked as `verify` checks it (stored-event.ts). */
  data: string;
  metadata: string;
  hash: string;
  prev_hash: string | null;
  head_version: string | null;
  head_hash: string | null;
}

/** Which streams to walk: one, those of some link buckets (see link-sums.ts), or all. */
export type ChainFilter = { streamId?: string; buckets?: number[] };

function pageSql(filter: ChainFilter): string {
  return `SELECT e.stream_id, e.stream_position::int4 AS stream_position, e.type, e.schema_version, e.data::text AS data,
      e.metadata::text AS metadata, e.hash, e.prev_hash, s.version::text AS head_version, s.last_hash AS head_hash
    FROM event_store.events AS e LEFT JOIN event_store.streams AS s ON s.stream_id = e.stream_id
    WHERE (e.stream_id, e.stream_position) > ($1, $2) ${filter.streamId !== undefined ? 'AND e.stream_id = $4' : ''}
      ${filter.buckets ? `AND (hashtext(e.stream_id) & ${LINK_BUCKETS - 1}) = ANY ($4::int4[])` : ''}
    ORDER BY e.stream_id, e.stream_position LIMIT $3`;
}

const EMPTY_STREAMS = `SELECT s.stream_id, s.version::text AS version, s.last_hash FROM event_store.streams AS s
  WHERE s.version > 0 AND ($1::text IS NULL OR s.stream_id = $1)
    AND ($2::int4[] IS NULL OR (hashtext(s.stream_id) & ${LINK_BUCKETS - 1}) = ANY ($2::int4[]))
    AND NOT EXISTS (SELECT 1 FROM event_store.events AS e WHERE e.stream_id = s.stream_id)`;

/**
 * Walks the hash chains of every stream (or one), page by page in (stream, position) order, inside one
 * read-only REPEATABLE READ transaction so that heads and events are seen at the same instant. A read-only
 * transaction takes no transaction id, so it does not hold the global log's readers back.
 */
export async function verifyChains(pool: Pool, streamId?: string): Promise<VerificationReport> {
  return inTransaction(pool, (client) => walkChains(client, { streamId }), {
    isolation: 'repeatable read',
    readOnly: true,
  });
}

/** Walks the chains the filter selects, with the caller's client (and transaction). */
export async function walkChains(client: PoolClient, filter: ChainFilter): Promise<VerificationReport> {
  const { streamId } = filter;
  const verifier = new ChainVerifier((id, hash) => locate(client, id, hash), storedIntact);
  let after: [string, number] = [streamId ?? '', 0];
  for (;;) {
    // A few buckets' streams are read in one statement (a scan of the table, not a walk of the whole index).
    const page = filter.buckets ? 2 ** 31 - 1 : PAGE;
    const values: unknown[] = [after[0], after[1], page];
    if (streamId !== undefined) values.push(streamId);
    else if (filter.buckets) values.push(filter.buckets);
    const { rows } = await client.query<VerifyRow>({ text: pageSql(filter), values, types: EVENT_STORE_TYPES });
    for (const row of rows) {
      const head =
        row.head_version === null ? undefined : { version: Number(row.head_version), lastHash: row.head_hash };
      await verifier.add(
        {
          streamId: row.stream_id,
          streamPosition: row.stream_position,
          type: row.type,
          schemaVersion: row.schema_version,
          data: row.data,
          metadata: row.metadata,
          hash: row.hash,
          prevHash: row.prev_hash,
        },
        head,
      );
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < page) break;
    after = [last.stream_id, last.stream_position];
  }
  const empty = await client.query<{ stream_id: string; version: string; last_hash: string | null }>({
    text: EMPTY_STREAMS,
    values: [streamId ?? null, filter.buckets ?? null],
  });
  for (const row of empty.rows)
    verifier.streamWithoutEvents(row.stream_id, { version: Number(row.version), lastHash: row.last_hash });
  return verifier.finish();
}

async function locate(client: PoolClient, streamId: string, hash: string): Promise<number | null> {
  const { rows } = await client.query<{ stream_position: number }>({
    text: 'SELECT stream_position::int4 AS stream_position FROM event_store.events WHERE stream_id = $1 AND hash = $2 LIMIT 1',
    values: [streamId, hash],
  });
  return rows[0]?.stream_position ?? null;
}

function storedIntact(event: ChainEvent): boolean {
  return storedEventIntact({ ...event, data: event.data as string, metadata: event.metadata as string });
}
