import type { EventData, EventMetadata, RecordedEvent } from '@app/event-store';
import { MessagingError } from '../errors';
import type { IncomingMessage, MessageHeaders, OutgoingMessage } from '../messaging.port';

/**
 * Header names of a relayed event (values are strings; numbers in decimal). The stream id is the message key.
 * Kept to what consumers route and dedupe on: each header costs the producer about as much as a tenth of a record.
 */
export const EVENT_HEADERS = {
  type: 'event-type',
  schemaVersion: 'schema-version',
  streamPosition: 'stream-position',
  globalPosition: 'global-position',
  transactionId: 'transaction-id',
  correlationId: 'correlation-id',
} as const;

/** The JSON value (UTF-8) of a relayed event: the recorded event, self-contained (headers repeat a few fields). */
export interface EventEnvelope {
  streamId: string;
  streamPosition: number;
  type: string;
  schemaVersion: number;
  globalPosition: number;
  transactionId: string;
  /** Business time (from `data.occurredAt`). */
  occurredAt: string;
  recordedAt: string;
  data: EventData;
  metadata: EventMetadata;
  hash: string;
  prevHash: string | null;
}

/** A recorded event as a Kafka message: key = stream id (one dossier's events share a partition, in order). */
export function encodeEvent(event: RecordedEvent): OutgoingMessage {
  const envelope: EventEnvelope = {
    streamId: event.streamId,
    streamPosition: event.streamPosition,
    type: event.type,
    schemaVersion: event.schemaVersion,
    globalPosition: event.globalPosition,
    transactionId: event.transactionId,
    occurredAt: event.data.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
    hash: event.hash,
    prevHash: event.prevHash,
  };
  const headers: MessageHeaders = {
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
    [EVENT_HEADERS.streamPosition]: String(event.streamPosition),
    [EVENT_HEADERS.globalPosition]: String(event.globalPosition),
    [EVENT_HEADERS.transactionId]: event.transactionId,
  };
  if (typeof event.metadata.correlationId === 'string')
    headers[EVENT_HEADERS.correlationId] = event.metadata.correlationId;
  return { key: event.streamId, value: JSON.stringify(envelope), headers };
}

/** The recorded event carried by a message of the events topic. */
export function decodeEvent(message: Pick<IncomingMessage, 'value' | 'topic' | 'partition' | 'offset'>): RecordedEvent {
  if (!message.value) throw malformed(message, 'no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw malformed(message, 'the value is not JSON');
  }
  return eventFromEnvelope(parsed, `${message.topic}[${message.partition}]@${message.offset}`);
}

/** From an already parsed value (e.g. the payload @nestjs/microservices hands to an @EventPattern handler). */
export function eventFromEnvelope(value: unknown, where = 'message'): RecordedEvent {
  const e = value as Partial<EventEnvelope> | null;
  const problem =
    typeof e !== 'object' || e === null
      ? 'not an object'
      : typeof e.streamId !== 'string'
        ? 'streamId'
        : !Number.isSafeInteger(e.streamPosition) || (e.streamPosition ?? 0) < 1
          ? 'streamPosition'
          : typeof e.type !== 'string'
            ? 'type'
            : !Number.isSafeInteger(e.schemaVersion)
              ? 'schemaVersion'
              : !Number.isSafeInteger(e.globalPosition)
                ? 'globalPosition'
                : typeof e.transactionId !== 'string'
                  ? 'transactionId'
                  : typeof e.recordedAt !== 'string' || Number.isNaN(Date.parse(e.recordedAt))
                    ? 'recordedAt'
                    : typeof e.data !== 'object' || e.data === null
                      ? 'data'
                      : typeof e.hash !== 'string'
                        ? 'hash'
                        : undefined;
  if (problem || !e)
    throw new MessagingError('MALFORMED_EVENT', `${where}: not a relayed event (${problem ?? 'empty'})`);
  return {
    globalPosition: e.globalPosition as number,
    streamId: e.streamId as string,
    streamPosition: e.streamPosition as number,
    type: e.type as string,
    schemaVersion: e.schemaVersion as number,
    data: e.data as EventData,
    metadata: (e.metadata ?? {}) as EventMetadata,
    recordedAt: new Date(e.recordedAt as string),
    transactionId: e.transactionId as string,
    hash: e.hash as string,
    prevHash: e.prevHash ?? null,
  };
}

function malformed(message: Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>, reason: string): MessagingError {
  return new MessagingError('MALFORMED_EVENT', `${message.topic}[${message.partition}]@${message.offset}: ${reason}`);
}
