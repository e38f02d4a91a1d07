import { InvalidEventError } from './errors';
import type { ExpectedVersion, NewEvent, StreamAppend } from './event-store.port';

const MAX_STREAM_ID = 200;

/** Checks what both adapters require of an append before anything is sent. */
export function validateAppends(appends: StreamAppend[]): void {
  if (appends.length === 0) throw new InvalidEventError('Nothing to append: no stream given.');
  const seen = new Set<string>();
  for (const append of appends) {
    validateStreamId(append.streamId);
    if (seen.has(append.streamId))
      throw new InvalidEventError(`Stream "${append.streamId}" appears twice in one append.`);
    seen.add(append.streamId);
    validateExpectedVersion(append.expectedVersion);
    if (!Array.isArray(append.events)) throw new InvalidEventError('events must be an array.');
    append.events.forEach((event, index) => validateEvent(event, `${append.streamId}[${index}]`));
  }
}

export function validateStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID) {
    throw new InvalidEventError(`A stream id is a non-empty string of at most ${MAX_STREAM_ID} characters.`);
  }
}

function validateExpectedVersion(expected: ExpectedVersion | undefined): void {
  if (expected === undefined || expected === 'any' || expected === 'no_stream' || expected === 'exists') return;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidEventError(
      `expectedVersion must be 'any', 'no_stream', 'exists' or a version >= 0, got ${String(expected)}.`,
    );
  }
}

function validateEvent(event: NewEvent, where: string): void {
  if (typeof event !== 'object' || event === null) throw new InvalidEventError(`${where}: an event is an object.`);
  if (typeof event.type !== 'string' || event.type.length === 0)
    throw new InvalidEventError(`${where}: type is required.`);
  if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw new InvalidEventError(`${where}: schemaVersion is an integer >= 1.`);
  }
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
    throw new InvalidEventError(`${where}: data is an object.`);
  }
  if (typeof event.data.occurredAt !== 'string' || Number.isNaN(Date.parse(event.data.occurredAt))) {
    throw new InvalidEventError(`${where}: data.occurredAt must be an ISO-8601 instant.`);
  }
  if (
    event.metadata !== undefined &&
    (typeof event.metadata !== 'object' || event.metadata === null || Array.isArray(event.metadata))
  ) {
    throw new InvalidEventError(`${where}: metadata is an object.`);
  }
}

/** Metadata as stored: the given metadata, plus the append's idempotency key. */
export function storedMetadata(event: NewEvent, idempotencyKey: string | undefined): Record<string, unknown> {
  const metadata = { ...(event.metadata ?? {}) };
  if (idempotencyKey !== undefined && metadata.idempotencyKey === undefined) metadata.idempotencyKey = idempotencyKey;
  return metadata;
}
