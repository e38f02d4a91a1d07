import type { EventPayload, RecordedEvent } from './event-store.port';

/** A recorded event's payload and place in the log, without its audit fields. */
export function payloadOf(event: RecordedEvent): EventPayload {
  const { globalPosition, streamId, streamPosition, type, schemaVersion, data, transactionId } = event;
  return { globalPosition, streamId, streamPosition, type, schemaVersion, data, transactionId };
}
