import { compareCheckpoints, START } from '../checkpoint';
import type { Checkpoint, EventPayload, RecordedEvent, ReadAllOptions, ReadAllPage } from '../event-store.port';
import type { Queryable } from './queryable';
import {
  EVENT_COLUMNS,
  PAYLOAD_COLUMNS,
  type EventRow,
  type PayloadRow,
  toEventPayload,
  toRecordedEvent,
} from './row-mapping';
import { EVENT_STORE_TYPES } from './type-parsers';

export const DEFAULT_PAGE_SIZE = 1000;

/**
 * Gap-safe page of the global log. Only rows whose transaction id is below the xmin of the reader's snapshot are
 * read: every transaction that could still commit a row with a lower (transaction_id, global_position) has ended,
 * so a reader that resumes after the last row it saw never skips an event committed late by a slow writer.
 * The price: one long-open writing transaction holds every reader back until it ends.
 */
function pageSql(columns: string, filtered: { types: boolean; upTo: boolean }): string {
  return `SELECT snap.xmin::text AS snapshot_xmin, page.* FROM
    (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) AS snap
    LEFT JOIN LATERAL (
      SELECT ${columns} FROM event_store.events AS e
      WHERE e.transaction_id < snap.xmin AND (e.transaction_id, e.global_position) > ($1::xid8, $2::int8)
        ${filtered.types ? 'AND e.type = ANY ($4::text[])' : ''}
        ${filtered.upTo ? `AND e.recorded_at <= $${filtered.types ? 5 : 4}::timestamptz` : ''}
      ORDER BY e.transaction_id, e.global_position
      LIMIT $3
    ) AS page ON true`;
}

const HORIZON = `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
  FROM event_store.events AS e WHERE e.transaction_id < $1::xid8 ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`;

/** What one kind of page selects and how its rows become events. */
interface PageShape<R, E> {
  name: string;
  columns: string;
  map: (row: R) => E;
}

const RECORDED: PageShape<EventRow, RecordedEvent> = {
  name: 'event_store_read_all',
  columns: EVENT_COLUMNS,
  map: toRecordedEvent,
};
const PAYLOADS: PageShape<PayloadRow, EventPayload> = {
  name: 'event_store_read_payloads',
  columns: PAYLOAD_COLUMNS,
  map: toEventPayload,
};

export function readAll(db: Queryable, options: ReadAllOptions = {}): Promise<ReadAllPage> {
  return readPage(db, options, RECORDED);
}

/** The same page without the audit columns: no metadata JSON, timestamps or hashes to send and to parse. */
export function readAllPayloads(db: Queryable, options: ReadAllOptions = {}): Promise<ReadAllPage<EventPayload>> {
  return readPage(db, options, PAYLOADS);
}

async function readPage<R extends { global_position: string | null }, E extends EventPayload>(
  db: Queryable,
  options: ReadAllOptions,
  shape: PageShape<R, E>,
): Promise<ReadAllPage<E>> {
  const after = options.after ?? START;
  const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_PAGE_SIZE, 100_000));
  const types = options.types !== undefined;
  const upTo = options.recordedUpTo !== undefined;
  const values: unknown[] = [after.transactionId, after.globalPosition, limit];
  if (types) values.push(options.types);
  if (upTo) values.push(options.recordedUpTo);
  const { rows } = await db.query<R & { snapshot_xmin: string }>({
    name: `${shape.name}_${types ? 't' : ''}${upTo ? 'u' : ''}`,
    text: pageSql(shape.columns, { types, upTo }),
    types: EVENT_STORE_TYPES,
    values,
  });
  const eventRows = rows.filter((row) => row.global_position !== null);
  const events = eventRows.map(shape.map);
  const last = events[events.length - 1];
  let checkpoint: Checkpoint = last
    ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
    : after;
  if ((types || upTo) && events.length < limit) {
    // A filtered page that is not full has seen everything final: move past the rows the filter left out.
    checkpoint = await horizon(db, rows[0]?.snapshot_xmin ?? '0', checkpoint);
  }
  return { events, checkpoint };
}

/** The last final row below `xmin`, if it lies after `current`. */
async function horizon(db: Queryable, xmin: string, current: Checkpoint): Promise<Checkpoint> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>({
    name: 'event_store_read_all_horizon',
    text: HORIZON,
    values: [xmin],
  });
  const row = rows[0];
  if (!row) return current;
  const candidate = { transactionId: row.transaction_id, globalPosition: Number(row.global_position) };
  return compareCheckpoints(candidate, current) > 0 ? candidate : current;
}
