import { EventStoreError } from '../errors';

/** If-Match: the stream is no longer at the version the client saw. Nothing was decided; reload and try again. */
export class VersionMismatchError extends EventStoreError {
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      'VERSION_MISMATCH',
      `Hồ sơ đã thay đổi (phiên bản hiện tại ${actualVersion}, yêu cầu ${expectedVersion}); tải lại và thử lại.`,
      {
        details: { expectedVersion, actualVersion },
      },
    );
  }
}

/** Other writers kept changing the stream while the command was decided, more times than it retries. */
export class ConcurrentModificationError extends EventStoreError {
  constructor() {
    super('CONCURRENT_MODIFICATION', 'Hồ sơ đang được cập nhật đồng thời; vui lòng thử lại.');
  }
}

/** A repeated idempotency key came with another request than the one it was first used for. */
export class IdempotencyKeyReusedError extends EventStoreError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
  }
}
