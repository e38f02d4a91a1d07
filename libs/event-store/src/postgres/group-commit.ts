import type { AppendOutcome, AppendRequest } from './append-batch';

export interface GroupCommitOptions {
  /** Batches sent at the same time (each on its own connection). */
  maxInFlight: number;
  /** Events per batch, at most (a single larger request still goes alone). */
  maxBatchEvents: number;
}

interface Pending {
  request: AppendRequest;
  events: number;
  resolve: (outcome: AppendOutcome) => void;
  reject: (error: unknown) => void;
}

/** PostgreSQL errors after which the same batch may simply be tried again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_RETRIES = 5;

/**
 * Group commit: appends that arrive while earlier batches are in flight wait, then go together in one
 * transaction (one commit, one WAL flush). Each caller is answered only after that commit, with its own outcome:
 * conflicts and duplicates stay per request. With nothing in flight a request goes at once, so there is no
 * added latency when the load is light. Requests that touch the same stream or key never share a batch.
 * If a batch fails as a whole (e.g. one request carries a value PostgreSQL rejects), its requests are retried one
 * by one, so one bad request fails alone.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (requests: AppendRequest[]) => Promise<AppendOutcome[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(request: AppendRequest): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      const events = request.appends.reduce((n, a) => n + a.events.length, 0);
      this.queue.push({ request, events, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const streams = new Set<string>();
    const keys = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length; ) {
      const pending = this.queue[i] as Pending;
      const ids = pending.request.appends.map((a) => a.streamId);
      const key = pending.request.idempotencyKey;
      const clash = ids.some((id) => streams.has(id)) || (key !== undefined && keys.has(key));
      if (batch.length > 0 && (clash || events + pending.events > this.options.maxBatchEvents)) {
        i += 1;
        continue;
      }
      batch.push(pending);
      this.queue.splice(i, 1);
      ids.forEach((id) => streams.add(id));
      if (key !== undefined) keys.add(key);
      events += pending.events;
    }
    return batch;
  }

  private async send(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.runWithRetries(batch.map((p) => p.request));
      batch.forEach((pending, i) => pending.resolve(outcomes[i] as AppendOutcome));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.send([pending])));
    }
  }

  private async runWithRetries(requests: AppendRequest[]): Promise<AppendOutcome[]> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.run(requests);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt >= MAX_RETRIES || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      }
    }
  }
}
