import type { ExpectedVersion } from './event-store.port';

/** Every error the event store raises on purpose carries one of these codes, and its kind. */
export type EventStoreErrorCode =
  | 'WRONG_EXPECTED_VERSION'
  | 'INVALID_EVENT'
  | 'STORE_CLOSED'
  | 'SEAL_INVALID'
  | 'UNAVAILABLE'
  | 'VERSION_MISMATCH'
  | 'CONCURRENT_MODIFICATION'
  | 'IDEMPOTENCY_KEY_REUSED';

/** What kind of failure each code is, for whoever answers a caller (the HTTP ErrorFilter maps kinds to statuses). */
export type EventStoreErrorKind =
  'invalid' | 'conflict' | 'precondition_failed' | 'unprocessable' | 'unavailable' | 'fault';

const KINDS: Record<EventStoreErrorCode, EventStoreErrorKind> = {
  WRONG_EXPECTED_VERSION: 'conflict',
  INVALID_EVENT: 'fault', // an event the application built wrong: a bug, not the caller's input
  STORE_CLOSED: 'unavailable',
  SEAL_INVALID: 'invalid',
  UNAVAILABLE: 'unavailable',
  VERSION_MISMATCH: 'precondition_failed',
  CONCURRENT_MODIFICATION: 'conflict',
  IDEMPOTENCY_KEY_REUSED: 'unprocessable',
};

export class EventStoreError extends Error {
  readonly kind: EventStoreErrorKind;
  /** Facts for the client besides the message (e.g. the versions of a mismatch). */
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.details = options?.details;
    this.name = new.target.name;
    this.kind = KINDS[code];
  }
}

/** The stream was not at the version the caller expected: reload, decide again, retry. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was checked (0 = no stream). */
    readonly actual: number,
  ) {
    super('WRONG_EXPECTED_VERSION', `Stream "${streamId}" is at version ${actual}, expected ${String(expected)}.`);
  }
}

export class InvalidEventError extends EventStoreError {
  constructor(message: string) {
    super('INVALID_EVENT', message);
  }
}

export class EventStoreClosedError extends EventStoreError {
  constructor() {
    super('STORE_CLOSED', 'The event store is closed.');
  }
}

export function isEventStoreError(error: unknown, code?: EventStoreErrorCode): error is EventStoreError {
  return error instanceof EventStoreError && (code === undefined || error.code === code);
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError;
}
