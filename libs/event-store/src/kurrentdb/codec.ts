import { createHash } from 'node:crypto';
import type { Position } from '@kurrent/kurrentdb-client';
import type { Checkpoint, EventData, EventMetadata, RecordedEvent } from '../event-store.port';

/**
 * How our events sit in KurrentDB. The metadata is a flat map of strings (what multiStreamAppend accepts):
 *   es.metadata      our EventMetadata, as JSON
 *   es.schemaVersion the schema version
 *   es.hash          the chain link (same definition as the PostgreSQL adapter)
 *   es.prevHash      the previous link, "" for the first event
 * Stream version n (1-based, ours) is KurrentDB revision n - 1. A checkpoint is the $all position:
 * transactionId = commit position (decimal text), globalPosition = prepare position.
 */
export interface StoredMetadata {
  'es.metadata': string;
  'es.schemaVersion': string;
  'es.hash': string;
  'es.prevHash': string;
  [key: string]: string;
}

export function encodeMetadata(
  metadata: EventMetadata,
  schemaVersion: number,
  hash: string,
  prevHash: string | null,
): StoredMetadata {
  return {
    'es.metadata': JSON.stringify(metadata),
    'es.schemaVersion': String(schemaVersion),
    'es.hash': hash,
    'es.prevHash': prevHash ?? '',
  };
}

function decodeMetadata(raw: unknown): {
  metadata: EventMetadata;
  schemaVersion: number;
  hash: string;
  prevHash: string | null;
} {
  const value = raw instanceof Uint8Array ? (JSON.parse(Buffer.from(raw).toString('utf8')) as unknown) : raw;
  const map = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string): string => (typeof map[key] === 'string' ? (map[key] as string) : '');
  return {
    metadata: text('es.metadata') ? (JSON.parse(text('es.metadata')) as EventMetadata) : {},
    schemaVersion: Number(text('es.schemaVersion') || '1'),
    hash: text('es.hash'),
    prevHash: text('es.prevHash') || null,
  };
}

/** The fields of a KurrentDB recorded event the adapter reads. */
export interface KurrentRecorded {
  streamId: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export function toRecordedEvent(event: KurrentRecorded, position?: Position): RecordedEvent {
  const decoded = decodeMetadata(event.metadata);
  const at = position ?? event.position ?? { commit: 0n, prepare: 0n };
  const data =
    event.data instanceof Uint8Array
      ? (JSON.parse(Buffer.from(event.data).toString('utf8')) as EventData)
      : (event.data as EventData);
  return {
    globalPosition: Number(at.prepare),
    streamId: event.streamId,
    streamPosition: Number(event.revision) + 1,
    type: event.type,
    schemaVersion: decoded.schemaVersion,
    data,
    metadata: decoded.metadata,
    recordedAt: event.created,
    transactionId: at.commit.toString(),
    hash: decoded.hash,
    prevHash: decoded.prevHash,
  };
}

export function toPosition(checkpoint: Checkpoint): Position {
  return { commit: BigInt(checkpoint.transactionId), prepare: BigInt(checkpoint.globalPosition) };
}

export function toCheckpoint(position: Position): Checkpoint {
  return { transactionId: position.commit.toString(), globalPosition: Number(position.prepare) };
}

/** A UUID derived from the idempotency key, the stream and the event's index: a retry sends the same ids. */
export function deterministicEventId(key: string, streamId: string, index: number): string {
  const hex = createHash('sha256').update(`${key}\n${streamId}\n${index}`, 'utf8').digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function idempotencyStream(key: string): string {
  return `_es-idempotency-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}`;
}
