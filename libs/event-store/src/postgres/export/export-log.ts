import type { Pool, PoolClient } from 'pg';
import { compareCheckpoints } from '../../checkpoint';
import type { Checkpoint, SealExport } from '../../event-store.port';
import { canonicalFromJsonbText } from '../../hash/jsonb-text';
import { canonicalJsonOfParsed } from '../../hash/parsed-json';
import { listSeals } from '../seal';
import { EXPORT_FORMAT, type ExportHeader, type ExportOptions } from './export-format';

const PAGE = 5000;
/** Every column as its text output: the payloads are copied, not parsed (unless they need it, see jsonb-text.ts). */
const AS_TEXT = { getTypeParser: () => (value: string) => value };

const EDGE = (direction: 'ASC' | 'DESC') => `SELECT transaction_id::text AS t, global_position::text AS g
  FROM event_store.events WHERE global_position BETWEEN $1 AND $2
  ORDER BY transaction_id ${direction}, global_position ${direction} LIMIT 1`;

// (Ordered by the table's columns, e.*: an output column of the same name, as text, would order "99" after "104".)
const ROWS = `SELECT e.transaction_id::text, e.global_position::text,
    to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.hash, e.stream_id, e.stream_position::text, e.type, e.schema_version::text, e.data::text, e.metadata::text, e.prev_hash
  FROM event_store.events AS e
  WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::int8) AND (e.transaction_id, e.global_position) <= ($3::xid8, $4::int8)
  ORDER BY e.transaction_id, e.global_position`;

type Row = [string, string, string, string, string, string, string, string, string, string, string | null];

/**
 * The export of the global positions from..to (export-format.ts), in chunks of lines, read in one snapshot
 * (REPEATABLE READ) through a server-side cursor: memory stays flat whatever the size of the log.
 */
export async function* exportLog(pool: Pool, options: ExportOptions = {}): AsyncGenerator<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const from = options.from ?? 1;
    const to = options.to ?? (await lastPosition(client));
    const first = await edge(client, 'ASC', from, to);
    const last = await edge(client, 'DESC', from, to);
    const seals =
      first && last
        ? (await listSeals(client)).filter(
            (s) => compareCheckpoints(s.upTo, first) >= 0 && compareCheckpoints(s.after, last) < 0,
          )
        : [];
    const header: ExportHeader = {
      kind: 'export',
      format: EXPORT_FORMAT,
      from,
      to,
      exportedAt: new Date().toISOString(),
      seals: seals.length,
    };
    yield `${JSON.stringify(header)}\n${seals.map((s) => `${JSON.stringify({ kind: 'seal', ...s })}\n`).join('')}`;
    let events = 0;
    let sealed = 0;
    if (first && last) {
      // From the start of the first seal (or the first event) to the end of the last seal (or the last event).
      const justBefore = { transactionId: first.transactionId, globalPosition: first.globalPosition - 1 };
      const lo = seals[0] && compareCheckpoints(seals[0].after, justBefore) < 0 ? seals[0].after : justBefore;
      const lastSeal = seals[seals.length - 1];
      const hi = lastSeal && compareCheckpoints(lastSeal.upTo, last) > 0 ? lastSeal.upTo : last;
      await client.query({
        text: `DECLARE event_export NO SCROLL CURSOR FOR ${ROWS}`,
        values: [lo.transactionId, lo.globalPosition, hi.transactionId, hi.globalPosition],
      });
      const inSeal = sealLocator(seals);
      for (;;) {
        const { rows } = await client.query<Row>({
          text: `FETCH ${PAGE} FROM event_export`,
          rowMode: 'array',
          types: AS_TEXT,
        } as never);
        let chunk = '';
        for (const row of rows) {
          const g = Number(row[1]);
          if (g >= from && g <= to) {
            chunk += eventLine(row);
            events += 1;
          } else if (inSeal(row[0], g)) {
            chunk += `{"kind":"sealed","globalPosition":${row[1]},"transactionId":"${row[0]}","recordedAt":"${row[2]}","hash":"${row[3]}"}\n`;
            sealed += 1;
          }
        }
        if (chunk) yield chunk;
        options.onProgress?.(events, sealed);
        if (rows.length < PAGE) break;
      }
    }
    yield `${JSON.stringify({ kind: 'end', events, sealed })}\n`;
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function eventLine(row: Row): string {
  const [t, g, recordedAt, hash, streamId, position, type, schemaVersion, data, metadata, prevHash] = row;
  return `{"kind":"event","globalPosition":${g},"transactionId":"${t}","recordedAt":"${recordedAt}","streamId":${JSON.stringify(streamId)},"streamPosition":${position},"type":${JSON.stringify(type)},"schemaVersion":${schemaVersion},"prevHash":${prevHash === null ? 'null' : `"${prevHash}"`},"hash":"${hash}","data":${canonical(data)},"metadata":${canonical(metadata)}}\n`;
}

function canonical(jsonbText: string): string {
  return canonicalFromJsonbText(jsonbText) ?? canonicalJsonOfParsed(JSON.parse(jsonbText));
}

/** Whether a checkpoint lies in one of the seals (rows arrive in delivery order, so the seals are walked once). */
function sealLocator(seals: readonly SealExport[]): (transactionId: string, globalPosition: number) => boolean {
  let at = 0;
  return (transactionId, globalPosition) => {
    const checkpoint: Checkpoint = { transactionId, globalPosition };
    while (at < seals.length && compareCheckpoints(checkpoint, (seals[at] as SealExport).upTo) > 0) at += 1;
    const seal = seals[at];
    return seal !== undefined && compareCheckpoints(checkpoint, seal.after) > 0;
  };
}

async function lastPosition(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ g: string | null }>(
    'SELECT max(global_position)::text AS g FROM event_store.events',
  );
  return Number(rows[0]?.g ?? 0);
}

async function edge(
  client: PoolClient,
  direction: 'ASC' | 'DESC',
  from: number,
  to: number,
): Promise<Checkpoint | null> {
  const { rows } = await client.query<{ t: string; g: string }>(EDGE(direction), [from, to]);
  const row = rows[0];
  return row ? { transactionId: row.t, globalPosition: Number(row.g) } : null;
}
