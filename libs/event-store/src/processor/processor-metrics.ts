import type { Checkpoint } from '../event-store.port';

const WINDOW_MS = 60_000;

/** Progress, throughput and failures of a log follower, for /health, the workers' progress lines and the CLI. */
export class ProcessorMetrics {
  events = 0;
  batches = 0;
  /** Runs ended by a failure (each followed by a new run from the durable checkpoint). */
  restarts = 0;
  lastBatchAt: Date | null = null;
  lastEventRecordedAt: Date | null = null;
  checkpoint: Checkpoint | null = null;
  /** Failed reads of the log (the subscription retries each one after a pause). */
  readFailures = 0;
  /** The failing read, while reads fail; null once one succeeds again. */
  readError: { message: string; since: Date; attempts: number } | null = null;
  private readonly recent: { at: number; events: number }[] = [];

  record(events: number, checkpoint: Checkpoint, lastEventRecordedAt: Date | null = null, now = Date.now()): void {
    this.events += events;
    this.batches++;
    this.lastBatchAt = new Date(now);
    this.checkpoint = checkpoint;
    if (lastEventRecordedAt) this.lastEventRecordedAt = lastEventRecordedAt;
    this.recent.push({ at: now, events });
    this.prune(now);
  }

  readFailed(error: unknown, attempts: number, now = Date.now()): void {
    this.readFailures++;
    this.readError = {
      message: (error as Error).message ?? String(error),
      since: this.readError?.since ?? new Date(now),
      attempts,
    };
  }

  readRecovered(): void {
    this.readError = null;
  }

  /** Events per second over the last minute (0 when idle). */
  eventsPerSecond(now = Date.now()): number {
    this.prune(now);
    const first = this.recent[0];
    if (!first) return 0;
    const total = this.recent.reduce((sum, r) => sum + r.events, 0);
    return Math.round(total / Math.max(1, (now - first.at) / 1000));
  }

  private prune(now: number): void {
    while (this.recent.length > 0 && (this.recent[0] as { at: number }).at < now - WINDOW_MS) this.recent.shift();
  }
}
