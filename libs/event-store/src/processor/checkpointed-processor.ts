import type { Pool } from 'pg';
import { SessionLock } from '@app/platform/pg';
import { Pause, sleep } from '@app/platform/pg';
import type { Checkpoint, EventStore, Subscription } from '../event-store.port';
import type { FollowerRun, LogFollower, RunContext } from './log-follower';
import { ProcessorMetrics } from './processor-metrics';
import { untilStopped, within } from './run-control';

export type ProcessorState = 'idle' | 'waiting-for-lock' | 'running' | 'stopped';
export type ProcessorLog = (level: 'log' | 'warn' | 'error', message: string) => void;

export interface CheckpointedProcessorOptions {
  /** Names the follower in log lines ('projector', 'relay'). */
  name: string;
  /** Name of its session lock: one processor per lock name runs at a time, across processes; the others wait. */
  lock: string;
  pool: Pool;
  store: EventStore;
  follower: LogFollower;
  /** Events per page read (live pages are as small as what is new). */
  batchSize: number;
  /** Live: let commits gather this long after a notification before reading them as one page (default 0). */
  coalesceMs?: number;
  /** Pause after the n-th failure in a row: `firstMs` · 2^(n−1), at most `maxMs`. */
  retry: { firstMs: number; maxMs: number };
  /** How often a processor waiting for the lock tries again (default 1 s). */
  lockRetryMs?: number;
  /** How long stop() lets the batch in flight finish before it abandons it (`FollowerRun.abandon`); default: no limit. */
  stopTimeoutMs?: number;
  /** An error that ends a run as planned (not a failure): returns the line to log; a new run starts at once. */
  expected?: (error: unknown) => string | undefined;
  log?: ProcessorLog;
}

export interface ProcessorStatus {
  state: ProcessorState;
  checkpoint: Checkpoint | null;
  events: number;
  eventsPerSecond: number;
  restarts: number;
  lastBatchAt: Date | null;
  lastError: string | null;
  /** Failed reads of the log so far, and the one failing now (null when reads succeed). */
  readFailures: number;
  readError: { message: string; since: Date; attempts: number } | null;
}

export interface ProcessorLag {
  /** Events recorded but not handled yet (at least; counted up to `limit`). */
  pendingEvents: number;
  pendingCapped: boolean;
  /** Age of the oldest event not handled yet, in seconds (0 when caught up). */
  seconds: number;
}

/**
 * Hosts one follower of the log (the projector, the relay): holds its session lock, runs the store's subscription
 * from the follower's durable checkpoint (catch-up pages, then live), hands it every batch, and after a failure
 * starts a new run from the durable checkpoint after a growing pause. stop() ends whatever the loop is doing —
 * waiting for the lock, preparing a run, following the log (the batch in flight is finished, or abandoned after
 * `stopTimeoutMs`), pausing — and the loop, not stop(), ends what it started, so a stop() that comes before a run's
 * subscription exists is seen as soon as it does. A start() during a stop() runs after it.
 */
export class CheckpointedProcessor {
  readonly metrics = new ProcessorMetrics();
  private state: ProcessorState = 'idle';
  private subscription?: Subscription;
  private run?: FollowerRun;
  private loop?: Promise<void>;
  private stopping = new AbortController();
  private lastError: string | null = null;
  private readonly pausing = new Pause();
  private readonly lock: SessionLock;

  constructor(private readonly options: CheckpointedProcessorOptions) {
    this.lock = new SessionLock(options.pool, options.lock);
  }

  start(): void {
    if (this.loop && !this.stopping.signal.aborted) return;
    const previous = this.loop ?? Promise.resolve();
    const stopping = (this.stopping = new AbortController());
    const loop: Promise<void> = previous.then(() => this.runLoop(stopping.signal));
    this.loop = loop;
  }

  /** Stops the loop (see the class); resolves once it has ended and the lock is released. */
  async stop(): Promise<void> {
    const loop = this.loop;
    this.stopping.abort();
    this.pausing.wake();
    if (!loop) {
      this.state = 'stopped';
      return;
    }
    if (this.options.stopTimeoutMs !== undefined && !(await within(loop, this.options.stopTimeoutMs)))
      this.run?.abandon?.();
    await loop;
    if (this.loop === loop) this.loop = undefined;
  }

  /**
   * Resolves once every event readable when called has been handled and is durable. Waits through failures and
   * planned ends of runs (the loop starts new ones); with `failOnError`, rejects with a failure instead.
   */
  async caughtUp(options: { failOnError?: boolean } = {}): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const subscription = this.subscription;
      const run = this.run;
      if (this.state === 'running' && subscription && run) {
        try {
          await subscription.caughtUp();
          await run.drain?.();
          if (subscription === this.subscription && this.state === 'running') return;
        } catch (error) {
          if (options.failOnError && this.options.expected?.(error) === undefined) throw error;
        }
      }
      await sleep(20);
    }
  }

  status(): ProcessorStatus {
    const m = this.metrics;
    return {
      state: this.state,
      checkpoint: m.checkpoint,
      events: m.events,
      eventsPerSecond: m.eventsPerSecond(),
      restarts: m.restarts,
      lastBatchAt: m.lastBatchAt,
      lastError: this.lastError,
      readFailures: m.readFailures,
      readError: m.readError,
    };
  }

  /** How far behind the log the follower's durable checkpoint is (reads at most `limit` pending events). */
  async lag(limit = 1000): Promise<ProcessorLag> {
    const page = await this.options.store.readAll({ after: await this.options.follower.checkpoint(), limit });
    const oldest = page.events[0];
    return {
      pendingEvents: page.events.length,
      pendingCapped: page.events.length >= limit,
      seconds: oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0,
    };
  }

  /** For /health: the lag while running (null otherwise); a failing read of the log is shown, not thrown. */
  async lagWhileRunning(limit = 1000): Promise<ProcessorLag | { error: string } | null> {
    if (this.state !== 'running') return null;
    return this.lag(limit).catch((error: Error) => ({ error: error.message }));
  }

  /** What /health shows of a follower: its status and lag. */
  async health(): Promise<ProcessorStatus & { lag: ProcessorLag | { error: string } | null }> {
    return { ...this.status(), lag: await this.lagWhileRunning() };
  }

  private async runLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    try {
      while (!signal.aborted) {
        try {
          await this.oneRun(signal);
          failures = 0;
        } catch (error) {
          this.state = 'idle';
          const planned = this.options.expected?.(error);
          if (planned !== undefined) {
            this.log('log', planned);
            continue;
          }
          this.lastError = (error as Error).message;
          if (signal.aborted) {
            this.log('warn', `${this.options.name} stopped: ${(error as Error).message}`);
            break;
          }
          failures++;
          this.metrics.restarts++;
          const pause = Math.min(this.options.retry.firstMs * 2 ** (failures - 1), this.options.retry.maxMs);
          this.log(
            'error',
            `${this.options.name} failed (${failures}), resuming from the checkpoint in ${pause} ms: ${(error as Error).message}`,
          );
          await this.pausing.wait(pause);
        }
      }
    } finally {
      await this.lock.release();
      this.state = 'stopped';
    }
  }

  /** Lock, open, follow until the subscription ends (a stop, the lock lost) or fails; the run is closed after. */
  private async oneRun(signal: AbortSignal): Promise<void> {
    await this.acquireLock(signal);
    if (signal.aborted) return;
    let failure: Error | undefined;
    const context: RunContext = {
      signal,
      progress: (events, checkpoint, lastRecordedAt) => {
        this.metrics.record(events, checkpoint, lastRecordedAt ?? null);
        this.lastError = null;
      },
      fail: (error) => {
        failure ??= error;
        void this.subscription?.stop();
      },
    };
    const run = await this.options.follower.open(context);
    try {
      if (signal.aborted) return;
      this.run = run;
      this.metrics.checkpoint = run.from;
      this.subscription = this.options.store.subscribe({
        from: run.from,
        batchSize: this.options.batchSize,
        coalesceMs: this.options.coalesceMs,
        handle: (events, checkpoint) => run.handle(events, checkpoint),
        onReadError: (error, attempts) => this.readFailed(error, attempts),
        onReadRecovered: (attempts) => this.readRecovered(attempts),
      });
      this.state = 'running';
      await untilStopped(this.subscription, signal);
      await run.drain?.();
      if (failure) throw failure;
    } finally {
      if (this.run === run) {
        this.run = undefined;
        this.subscription = undefined;
      }
      await run.close?.();
    }
  }

  private async acquireLock(signal: AbortSignal): Promise<void> {
    while (!this.lock.held && !signal.aborted) {
      this.state = 'waiting-for-lock';
      // The lock went with its connection: end this run's subscription; the loop takes the lock again.
      if (await this.lock.tryAcquire(() => void this.subscription?.stop())) return;
      if (!signal.aborted) await this.pausing.wait(this.options.lockRetryMs ?? 1000);
    }
  }

  private readFailed(error: unknown, attempts: number): void {
    this.metrics.readFailed(error, attempts);
    // Every failure is counted; the log gets the 1st, 2nd, 4th, 8th… of a row (one read every 5 s at most).
    if ((attempts & (attempts - 1)) === 0)
      this.log(
        'error',
        `${this.options.name}: reading the log failed (${attempts} in a row, retrying): ${(error as Error).message}`,
      );
  }

  private readRecovered(attempts: number): void {
    this.metrics.readRecovered();
    this.log('log', `${this.options.name}: reading the log again after ${attempts} failed reads`);
  }

  private log(level: 'log' | 'warn' | 'error', message: string): void {
    this.options.log?.(level, message);
  }
}
