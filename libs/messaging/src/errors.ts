/** Errors raised on purpose by the messaging lib carry one of these codes. */
export type MessagingErrorCode = 'MALFORMED_EVENT' | 'STREAM_GAP' | 'NOT_CONNECTED';

export class MessagingError extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A consumer saw stream position `received` while it expected `expected` (an event went missing upstream). */
export class StreamGapError extends MessagingError {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly received: number,
  ) {
    super(
      'STREAM_GAP',
      `Stream "${streamId}": expected position ${expected}, received ${received} — an event is missing.`,
    );
  }
}
