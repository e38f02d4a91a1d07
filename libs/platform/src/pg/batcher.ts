export interface BatcherOptions<I> {
  /** Batches sent at the same time. */
  maxInFlight: number;
  /** Weight per batch, at most (a single heavier item still goes alone). */
  maxWeight: number;
  /** An item's weight (default 1). */
  weight?: (item: I) => number;
  /** Keys two items of one batch must not share (e.g. a stream id); such an item waits for a later batch. */
  exclusive?: (item: I) => readonly string[];
  /** Errors after which the same batch may simply be sent again (e.g. a deadlock), up to 5 times. */
  retryable?: (error: unknown) => boolean;
}

interface Pending<I, O> {
  item: I;
  weight: number;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

const MAX_RETRIES = 5;

/**
 * Coalesces concurrent requests into batches, one round trip each: with nothing in flight an item goes at once
 * (no added latency under light load); items that arrive while `maxInFlight` batches are out wait, then go
 * together. `run` answers a batch with one outcome per item, in order. If a batch fails as a whole (one item
 * carries a value the server rejects), its items are sent again one by one, in order, so a bad item fails alone.
 */
export class Batcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions<I>,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, weight: this.options.weight?.(item) ?? 1, resolve, reject });
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

  /** The queue's items that fit together, in arrival order; the others stay queued for a later batch. */
  private takeBatch(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const rest: Pending<I, O>[] = [];
    const taken = new Set<string>();
    let weight = 0;
    for (const pending of this.queue) {
      const keys = this.options.exclusive?.(pending.item) ?? [];
      const fits =
        batch.length === 0 || (weight + pending.weight <= this.options.maxWeight && !keys.some((k) => taken.has(k)));
      if (!fits) {
        rest.push(pending);
        continue;
      }
      batch.push(pending);
      keys.forEach((k) => taken.add(k));
      weight += pending.weight;
    }
    this.queue = rest;
    return batch;
  }

  private async send(batch: Pending<I, O>[]): Promise<void> {
    try {
      const outcomes = await this.runWithRetries(batch.map((p) => p.item));
      batch.forEach((pending, i) => pending.resolve(outcomes[i] as O));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const pending of batch) await this.send([pending]); // in arrival order
    }
  }

  private async runWithRetries(items: I[]): Promise<O[]> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.run(items);
      } catch (error) {
        if (attempt >= MAX_RETRIES || !this.options.retryable?.(error)) throw error;
      }
    }
  }
}

/** PostgreSQL errors after which the same statement may simply be sent again: deadlock, serialization failure. */
export function retryablePostgresError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '40P01' || code === '40001';
}
