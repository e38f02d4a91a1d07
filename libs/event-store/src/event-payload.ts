import type { EventPayload, RecordedEvent } from './event-store.port';

/** A recorded event's payload and place in the log, without its audit fields but its actor. */
export function payloadOf(event: RecordedEvent): EventPayload {
  const { globalPosition, streamId, streamPosition, type, schemaVersion, data, transactionId } = event;
  return { globalPosition, streamId, streamPosition, type, schemaVersion, data, transactionId, actor: actorOf(event) };
}

/** Who caused the event (`metadata.actor`), whether it was read whole or as a payload; null when not recorded. */
export function actorOf(event: EventPayload): string | null {
  if (event.actor !== undefined) return event.actor;
  const actor = 'metadata' in event ? (event as RecordedEvent).metadata?.actor : undefined;
  return typeof actor === 'string' ? actor : null;
}
