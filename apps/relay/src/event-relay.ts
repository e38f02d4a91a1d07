import { SessionLock, Pause, sleep } from '@app/platform';
import type { Pool } from 'pg';
import { type Checkpoint, type EventStore, type RecordedEvent, type Subscription, loadCheckpoint, saveCheckpoint } from '@app/event-store';
import type { MessagePublisher } from '@app/messaging/messaging.port';
import { PublishPipeline } from './publish-pipeline';
import { RelayMetrics } from './relay-metrics';

export type RelayState = 'idle' | 'waiting-for-lock' | 'running' | 'stopped';

export interface EventRelayOptions {
  pool: Pool;
  store: EventStore;
  /** A fresh publisher (a new idempotent producer) for each run; the relay closes it when the run ends. */
  publisher: () => MessagePublisher;
  /** Creates the topic when missing; called before each run. */
  ensureTopic?: () => Promise<void>;
  topic: string;
  /** Name of the checkpoint in event_store.checkpoints. */
  consumer: string;
  batchSize: number;
  log?: (level: 'log' | 'warn' | 'error', message: string) => void;
  /** How long stop() lets a stuck publish run before abandoning it (default 5 s). */
  stopTimeoutMs?: number;
  /** First pause after a failure (default 500 ms, doubling up to 10 s). */
  retryMs?: number;
}

export interface RelayLag {
  /** Events committed but not published yet (at least; counted up to `limit`). */
  pendingEvents: number;
  pendingCapped: boolean;
  /** Age of the oldest event not published yet, in seconds (0 when caught up). */
  seconds: number;
}

const RETRY_MS = 500;

/**
 * Publishes every committed event of the store to Kafka, in the log's delivery order, from a durable checkpoint:
 * read a gap-safe page (store subscription), publish it and wait for the broker's acknowledgement, THEN save the
 * checkpoint (the next page is read meanwhile: `PublishPipeline`). A crash in between re-publishes the page on restart: at least once, never lost. Key = stream id,
 * so each dossier's events share a partition in stream order. One relay per checkpoint name runs at a time (a
 * PostgreSQL advisory lock); a failure (broker down, database gone) restarts the run from the checkpoint with a
 * new producer, after a pause that grows up to 10 s.
 */
export class EventRelay {
  readonly metrics = new RelayMetrics();
  private state: RelayState = 'idle';
  private subscription?: Subscription;
  private publisher?: MessagePublisher;
  private pipeline?: PublishPipeline;
  private abortRun?: (reason: Error) => void;
  private readonly lock: SessionLock;
  private loop?: Promise<void>;
  /** Aborted by stop(): the run loop ends what it started (the subscription, a pause) and starts nothing more. */
  private stopSignal = new AbortController().signal;
  private stopRun?: AbortController;
  private lastError: string | null = null;
  private readonly pausing = new Pause();

  constructor(private readonly options: EventRelayOptions) {
    this.lock = new SessionLock(options.pool, `relay:${options.consumer}`);
  }

  start(): void {
    if (this.loop) return;
    this.stopRun = new AbortController();
    this.stopSignal = this.stopRun.signal;
    this.loop = this.run();
  }

  /**
   * Stops the run loop, whatever it is doing: waiting for the lock, preparing a run (topic, checkpoint), relaying
   * or pausing after a failure. The loop, not stop(), ends the subscription it started: a stop() that comes before
   * the run's subscription exists is seen as soon as it does.
   */
  async stop(): Promise<void> {
    this.stopRun?.abort();
    this.pausing.wake();
    // The batch in flight finishes; one stuck on an unreachable broker is abandoned (its checkpoint is not saved).
    const loop = this.loop ?? Promise.resolve();
    if (!(await within(loop, this.options.stopTimeoutMs ?? 5_000))) {
      this.abortRun?.(new Error('stopped with a publish in flight (not acknowledged: it will be published again)'));
      await this.publisher?.close().catch(() => undefined);
    }
    await this.loop;
    this.loop = undefined;
    await this.lock.release();
    this.state = 'stopped';
  }

  private get stopping(): boolean {
    return this.stopSignal.aborted;
  }

  /** Resolves once every event readable when called has been published and checkpointed. */
  async caughtUp(): Promise<void> {
    while (!this.stopping) {
      const subscription = this.subscription;
      if (this.state === 'running' && subscription) {
        const done = await subscription.caughtUp().then(() => this.pipeline?.drain()).then(() => true, () => false);
        if (done && subscription === this.subscription && this.state === 'running') return;
      }
      await sleep(20);
    }
  }

  status(): { state: RelayState; topic: string; checkpoint: Checkpoint | null; eventsRelayed: number; eventsPerSecond: number; restarts: number; lastBatchAt: Date | null; lastError: string | null } {
    const m = this.metrics;
    return { state: this.state, topic: this.options.topic, checkpoint: m.checkpoint, eventsRelayed: m.eventsRelayed, eventsPerSecond: m.eventsPerSecond(), restarts: m.restarts, lastBatchAt: m.lastBatchAt, lastError: this.lastError };
  }

  /** How far behind the log the relay is (reads at most `limit` pending events). */
  async lag(limit = 1000): Promise<RelayLag> {
    const after = this.metrics.checkpoint ?? (await loadCheckpoint(this.options.pool, this.options.consumer));
    const page = await this.options.store.readAll({ after, limit });
    const oldest = page.events[0];
    return { pendingEvents: page.events.length, pendingCapped: page.events.length >= limit, seconds: oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0 };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const publisher = (this.publisher = this.options.publisher());
      const aborted = new Promise<never>((_, reject) => (this.abortRun = reject));
      aborted.catch(() => undefined);
      try {
        await this.acquireLock();
        if (this.stopping) break;
        await this.options.ensureTopic?.();
        const from = await loadCheckpoint(this.options.pool, this.options.consumer);
        this.metrics.checkpoint = from;
        if (this.stopping) break;
        const pipeline = (this.pipeline = new PublishPipeline({
          publisher,
          topic: this.options.topic,
          aborted,
          acknowledged: (events, checkpoint) => this.acknowledged(events, checkpoint),
          failed: () => void this.subscription?.stop(),
        }));
        const subscription = this.options.store.subscribe({
          from,
          batchSize: this.options.batchSize,
          handle: (events, checkpoint) => pipeline.handle(events, checkpoint),
        });
        this.subscription = subscription;
        this.state = 'running';
        this.log('log', `relaying to topic ${this.options.topic} from ${from.transactionId}:${from.globalPosition}`);
        await untilStopped(subscription, this.stopSignal);
        await pipeline.drain();
        failures = 0;
      } catch (error) {
        this.state = 'idle';
        if (this.stopping) break;
        failures++;
        this.metrics.restarts++;
        this.lastError = (error as Error).message;
        this.log('error', `relay failed (${failures}), resuming from the checkpoint: ${(error as Error).message}`);
        await this.pausing.wait(Math.min((this.options.retryMs ?? RETRY_MS) * 2 ** (failures - 1), 10_000));
      } finally {
        await publisher.close().catch(() => undefined);
      }
    }
  }

  private async acknowledged(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    await saveCheckpoint(this.options.pool, this.options.consumer, checkpoint);
    this.metrics.record(events.length, checkpoint);
    this.lastError = null;
  }

  private async acquireLock(): Promise<void> {
    while (!this.lock.held && !this.stopping) {
      this.state = 'waiting-for-lock';
      // The lock went with its connection: stop this run, the loop takes the lock again.
      if (await this.lock.tryAcquire(() => void this.subscription?.stop())) return;
      if (!this.stopping) await this.pausing.wait(1000);
    }
  }

  private log(level: 'log' | 'warn' | 'error', message: string): void {
    this.options.log?.(level, message);
  }
}


/** True if `promise` settles within `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
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
