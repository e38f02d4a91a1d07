import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import type { Queryable } from './queryable';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './row-mapping';
import { EVENT_STORE_TYPES } from './type-parsers';

const READ_STREAM = `SELECT ${EVENT_COLUMNS} FROM event_store.events AS e
  WHERE e.stream_id = $1 AND e.stream_position BETWEEN $2 AND $3 AND ($4::timestamptz IS NULL OR e.recorded_at <= $4)
  ORDER BY e.stream_position`;

/** A stream's events in order, optionally a range of positions, optionally "as known at" an instant. */
export async function readStream(
  db: Queryable,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const from = Math.max(1, options.fromVersion ?? 1);
  const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
  if (to < from) return [];
  const { rows } = await db.query<EventRow>({
    name: 'event_store_read_stream',
    text: READ_STREAM,
    types: EVENT_STORE_TYPES,
    values: [streamId, from, to, options.recordedUpTo ?? null],
  });
  return rows.map(toRecordedEvent);
}

export async function streamVersion(db: Queryable, streamId: string): Promise<number> {
  const { rows } = await db.query<{ version: string }>({
    name: 'event_store_stream_version',
    text: 'SELECT version::text AS version FROM event_store.streams WHERE stream_id = $1',
    values: [streamId],
  });
  return Number(rows[0]?.version ?? 0);
}
