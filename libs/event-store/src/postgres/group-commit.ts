import { Batcher, retryablePostgresError } from '@app/platform/pg';
import type { AppendOutcome, AppendRequest } from './append-batch';

export interface GroupCommitOptions {
  /** Batches sent at the same time (each on its own connection). */
  maxInFlight: number;
  /** Events per batch, at most (a single larger request still goes alone). */
  maxBatchEvents: number;
}

/**
 * Group commit: appends that arrive while earlier batches are in flight wait, then go together in one
 * transaction (one commit, one WAL flush). Each caller is answered only after that commit, with its own outcome:
 * conflicts and duplicates stay per request. With nothing in flight a request goes at once, so there is no
 * added latency when the load is light. Requests that touch the same stream or key never share a batch.
 * A batch that fails as a whole is retried request by request (one bad request fails alone); a deadlocked one
 * is sent again.
 */
export class GroupCommitter {
  private readonly batcher: Batcher<AppendRequest, AppendOutcome>;

  constructor(run: (requests: AppendRequest[]) => Promise<AppendOutcome[]>, options: GroupCommitOptions) {
    this.batcher = new Batcher(run, {
      maxInFlight: options.maxInFlight,
      maxWeight: options.maxBatchEvents,
      weight: (request) => request.appends.reduce((n, a) => n + a.events.length, 0),
      exclusive: (request) => [
        ...request.appends.map((a) => `stream:${a.streamId}`),
        ...(request.idempotencyKey === undefined ? [] : [`key:${request.idempotencyKey}`]),
      ],
      retryable: retryablePostgresError,
    });
  }

  submit(request: AppendRequest): Promise<AppendOutcome> {
    return this.batcher.submit(request);
  }
}
