import type { Pool } from 'pg';
import { SessionLock, Pause, sleep } from '@app/platform';
import { type Checkpoint, type EventStore, type RecordedEvent, type Subscription } from '@app/event-store';
import { GenerationChangedError } from '../generations/generation';
import { activeGeneration } from '../generations/generation-repository';
import { applyBatch } from '../projection/apply-batch';
import { inTransaction } from '@app/platform/pg';
import { ProjectorMetrics } from './projector-metrics';

export type ProjectorState = 'idle' | 'waiting-for-lock' | 'running' | 'stopped';

export interface ProjectorOptions {
  pool: Pool;
  store: EventStore;
  /** Events per page and transaction (default 5000; live pages are as small as what is new). */
  batchSize?: number;
  /**
   * Live: how long to let commits gather after a notification before reading them as one page (default 50 ms).
   * Under load this turns hundreds of tiny transactions a second into a few larger ones; the read models then
   * trail the log by about this much more.
   */
  coalesceMs?: number;
  log?: (level: 'log' | 'warn' | 'error', message: string) => void;
}

export interface ProjectorLag {
  /** Events recorded but not projected yet (at least; counted up to `limit`). */
  pendingEvents: number;
  pendingCapped: boolean;
  /** Age of the oldest event not projected yet, in seconds (0 when caught up). */
  seconds: number;
}

/** Name of the session lock held by the one live projector of a database (another one waits). */
export const PROJECTOR_LOCK = 'read-models:projector';
const RETRY_MS = 1000;

/**
 * The live projector: holds the projector lock, follows the log from the active generation's checkpoint (store
 * subscription: catch-up, then LISTEN/NOTIFY) and applies each page in one transaction with its checkpoint. When a
 * rebuild switches generations, the next batch finds its generation retired and the projector resumes on the new
 * one from that generation's checkpoint.
 */
export class Projector {
  readonly metrics = new ProjectorMetrics();
  private state: ProjectorState = 'idle';
  private generation: number | null = null;
  private position: Checkpoint | null = null;
  private subscription?: Subscription;
  private loop?: Promise<void>;
  /** Aborted by stop(): the run loop ends what it started (the subscription, a pause) and starts nothing more. */
  private stopSignal = new AbortController().signal;
  private abortRun?: AbortController;
  private lastError: string | null = null;
  private readonly pausing = new Pause();

  private readonly lock: SessionLock;

  constructor(private readonly options: ProjectorOptions) {
    this.lock = new SessionLock(options.pool, PROJECTOR_LOCK);
  }

  start(): void {
    if (this.loop) return;
    this.abortRun = new AbortController();
    this.stopSignal = this.abortRun.signal;
    this.loop = this.run();
  }

  /**
   * Stops the run loop, whatever it is doing: waiting for the lock, reading the generation, following the log
   * (the batch in flight is finished) or pausing after a failure. The loop, not stop(), ends the subscription it
   * started: a stop() that comes before the subscription exists is seen as soon as it does.
   */
  async stop(): Promise<void> {
    this.abortRun?.abort();
    this.pausing.wake();
    await this.loop;
    this.loop = undefined;
    await this.releaseLock();
    this.state = 'stopped';
  }

  private get stopping(): boolean {
    return this.stopSignal.aborted;
  }

  /** Resolves once every event readable when called has been projected (for tests and the CLI). */
  async caughtUp(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const subscription = this.subscription;
      if (this.state === 'running' && subscription) {
        // A rebuild's switch ends the subscription (its generation retired); the run loop resumes on the new one.
        const ended = await subscription.caughtUp().then(
          () => false,
          (error: unknown) => {
            if (error instanceof GenerationChangedError) return true;
            throw error;
          },
        );
        if (!ended && subscription === this.subscription && this.state === 'running') return;
        if (ended) await sleep(20);
      } else {
        await sleep(20);
      }
    }
  }

  status(): { state: ProjectorState; generation: number | null; checkpoint: Checkpoint | null; eventsProjected: number; eventsPerSecond: number; lastBatchAt: Date | null; lastError: string | null } {
    return {
      state: this.state,
      generation: this.generation,
      checkpoint: this.position,
      eventsProjected: this.metrics.eventsProjected,
      eventsPerSecond: this.metrics.eventsPerSecond(),
      lastBatchAt: this.metrics.lastBatchAt,
      lastError: this.lastError,
    };
  }

  /** How far behind the log the active generation is (reads at most `limit` pending events). */
  async lag(limit = 1000): Promise<ProjectorLag> {
    const generation = await activeGeneration(this.options.pool);
    const page = await this.options.store.readAll({ after: generation.checkpoint, limit });
    const oldest = page.events[0];
    return {
      pendingEvents: page.events.length,
      pendingCapped: page.events.length >= limit,
      seconds: oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0,
    };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.acquireLock();
        if (this.stopping) break;
        const generation = await activeGeneration(this.options.pool);
        if (this.stopping) break;
        this.generation = generation.id;
        this.position = generation.checkpoint;
        const subscription = this.options.store.subscribe({
          from: generation.checkpoint,
          batchSize: this.options.batchSize ?? 5000,
          coalesceMs: this.options.coalesceMs ?? 50,
          handle: (events, checkpoint) => this.handle(generation.id, events, checkpoint),
        });
        this.subscription = subscription;
        this.state = 'running';
        await untilStopped(subscription, this.stopSignal);
        failures = 0;
      } catch (error) {
        this.state = 'idle';
        if (error instanceof GenerationChangedError) {
          this.log('log', `generation ${error.generation} is ${error.status}; resuming on the active generation`);
          continue;
        }
        failures++;
        this.lastError = (error as Error).message;
        this.log('error', `projection failed (${failures}): ${(error as Error).message}`);
        if (!this.stopping) await this.pausing.wait(Math.min(RETRY_MS * 2 ** failures, 30_000));
      }
    }
  }

  private async handle(generation: number, events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    const from = this.position ?? undefined;
    const result = await inTransaction(this.options.pool, (client) =>
      applyBatch(client, events, { generation, expect: ['active'], from, to: checkpoint }),
    );
    this.position = result.checkpoint;
    this.lastError = null;
    this.metrics.record(result.fresh, result.checkpoint, events[events.length - 1]?.recordedAt ?? null);
  }

  private async acquireLock(): Promise<void> {
    while (!this.lock.held && !this.stopping) {
      this.state = 'waiting-for-lock';
      // If the lock's connection breaks, the lock is gone: stop this subscription; the loop takes it again.
      if (await this.lock.tryAcquire(() => void this.subscription?.stop())) return;
      if (!this.stopping) await this.pausing.wait(RETRY_MS);
    }
  }

  private async releaseLock(): Promise<void> {
    await this.lock.release();
  }

  private log(level: 'log' | 'warn' | 'error', message: string): void {
    this.options.log?.(level, message);
  }
}

/**
 * Waits for the subscription to end, stopping it when `signal` aborts — also if it aborted before this call.
 * Settles as `done` does: resolves on a stop, rejects with the handler's error.
 */
async function untilStopped(subscription: Subscription, signal: AbortSignal): Promise<void> {
  const stop = (): void => void subscription.stop().catch(() => undefined);
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  try {
    await subscription.done;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
