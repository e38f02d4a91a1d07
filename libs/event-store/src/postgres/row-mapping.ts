import type { EventData, EventMetadata, EventPayload, RecordedEvent } from '../event-store.port';

/**
 * The columns of an event's payload and place in the log (EventPayload), selected from `event_store.events AS e`.
 * Some are cast under their own name: ORDER BY and WHERE must then name `e.<column>` (an unqualified ORDER BY would
 * sort the text output column).
 */
const PLACE_AND_PAYLOAD = `e.global_position::text AS global_position, e.stream_id, e.stream_position::int4 AS stream_position, e.type,
  e.schema_version, e.data, e.transaction_id::text AS transaction_id`;

/** A payload page's columns: place, payload, and the actor alone of the metadata (no whole metadata JSON to parse). */
export const PAYLOAD_COLUMNS = `${PLACE_AND_PAYLOAD}, e.metadata->>'actor' AS actor`;

/** The columns every full event read selects: the payload's and the audit fields. */
export const EVENT_COLUMNS = `${PLACE_AND_PAYLOAD}, e.metadata, e.recorded_at, e.hash, e.prev_hash`;

export interface EventRow {
  global_position: string;
  stream_id: string;
  stream_position: number;
  type: string;
  schema_version: number;
  data: EventData;
  metadata: EventMetadata;
  recorded_at: Date;
  transaction_id: string;
  hash: string;
  prev_hash: string | null;
}

export type PayloadRow = Pick<
  EventRow,
  'global_position' | 'stream_id' | 'stream_position' | 'type' | 'schema_version' | 'data' | 'transaction_id'
> & { actor: string | null };

export function toEventPayload(row: PayloadRow): EventPayload {
  return {
    globalPosition: Number(row.global_position),
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    transactionId: row.transaction_id,
    actor: row.actor,
  };
}

/** Spelled out, not a spread of toEventPayload: a spread copies each event into a slower object shape (catch-up reads halve). */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    globalPosition: Number(row.global_position),
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    transactionId: row.transaction_id,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
