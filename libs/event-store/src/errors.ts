import type { ExpectedVersion } from './event-store.port';

/** Every error the event store raises on purpose carries one of these codes and the HTTP status it answers (ErrorFilter). */
export type EventStoreErrorCode =
  | 'WRONG_EXPECTED_VERSION'
  | 'INVALID_EVENT'
  | 'STORE_CLOSED'
  | 'SEAL_INVALID'
  | 'UNAVAILABLE'
  | 'VERSION_MISMATCH'
  | 'CONCURRENT_MODIFICATION'
  | 'IDEMPOTENCY_KEY_REUSED';

const HTTP_STATUS: Record<EventStoreErrorCode, number> = {
  WRONG_EXPECTED_VERSION: 409,
  INVALID_EVENT: 400,
  STORE_CLOSED: 503,
  SEAL_INVALID: 400,
  UNAVAILABLE: 503,
  VERSION_MISMATCH: 412,
  CONCURRENT_MODIFICATION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
};

export class EventStoreError extends Error {
  readonly httpStatus: number;
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
    this.httpStatus = HTTP_STATUS[code];
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
