import type { Checkpoint } from '@app/event-store';

const WINDOW_MS = 60_000;

/** Progress and throughput of the relay, for /health and the worker's progress lines. */
export class RelayMetrics {
  eventsRelayed = 0;
  batches = 0;
  restarts = 0;
  lastBatchAt: Date | null = null;
  checkpoint: Checkpoint | null = null;
  private readonly recent: { at: number; events: number }[] = [];

  record(events: number, checkpoint: Checkpoint, now = Date.now()): void {
    this.eventsRelayed += events;
    this.batches++;
    this.lastBatchAt = new Date(now);
    this.checkpoint = checkpoint;
    this.recent.push({ at: now, events });
    this.prune(now);
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
