import type { Pool } from 'pg';
import {
  CheckpointedProcessor,
  type EventStore,
  type FollowerRun,
  type ProcessorLag,
  type ProcessorLog,
  type ProcessorState,
  type ProcessorStatus,
  HostedFollower,
  type RunContext,
  loadCheckpoint,
  saveCheckpoint,
} from '@app/event-store';
import type { MessagePublisher } from '@app/messaging';
import { PublishPipeline } from './publish-pipeline';

export type RelayState = ProcessorState;
export type RelayLag = ProcessorLag;

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
  log?: ProcessorLog;
  /** How long stop() lets a stuck publish run before abandoning it (default 5 s). */
  stopTimeoutMs?: number;
  /** First pause after a failure (default 500 ms, doubling up to 10 s). */
  retryMs?: number;
}

export interface RelayStatus extends Pick<
  ProcessorStatus,
  'state' | 'checkpoint' | 'eventsPerSecond' | 'restarts' | 'lastBatchAt' | 'lastError' | 'readFailures' | 'readError'
> {
  topic: string;
  eventsRelayed: number;
}

/**
 * Publishes every committed event of the store to Kafka, in the log's delivery order, from a durable checkpoint —
 * a follower of the log hosted by a `CheckpointedProcessor` (one relay per checkpoint name: its session lock is
 * `relay:<checkpoint>`; back-off, metrics, stop). Each run: ensure the topic, load the checkpoint, a new idempotent
 * producer; each page read is published and, once the broker acknowledged it, THEN its checkpoint is saved (the next
 * page is read meanwhile: `PublishPipeline`). A crash in between re-publishes the page on restart: at least once,
 * never lost. Key = stream id, so each dossier's events share a partition in stream order. A failure (broker down,
 * database gone) ends the run; the next one starts from the checkpoint with a new producer, after 0.5 s doubling
 * up to 10 s. A stop waits `stopTimeoutMs` for the publish in flight, then abandons it (not checkpointed).
 */
export class EventRelay extends HostedFollower<RelayStatus> {
  readonly processor: CheckpointedProcessor;

  constructor(private readonly options: EventRelayOptions) {
    super();
    this.processor = new CheckpointedProcessor({
      name: 'relay',
      lock: `relay:${options.consumer}`,
      pool: options.pool,
      store: options.store,
      batchSize: options.batchSize,
      retry: { firstMs: options.retryMs ?? 500, maxMs: 10_000 },
      stopTimeoutMs: options.stopTimeoutMs ?? 5_000,
      follower: {
        open: (run) => this.open(run),
        checkpoint: async () =>
          this.processor.metrics.checkpoint ?? (await loadCheckpoint(options.pool, options.consumer)),
      },
      log: options.log,
    });
  }

  status(): RelayStatus {
    const { events, ...status } = this.processor.status();
    return { ...status, topic: this.options.topic, eventsRelayed: events };
  }

  private async open(run: RunContext): Promise<FollowerRun> {
    const { pool, consumer, topic } = this.options;
    await this.options.ensureTopic?.();
    const from = await loadCheckpoint(pool, consumer);
    const publisher = this.options.publisher();
    let abandon!: (reason: Error) => void;
    const aborted = new Promise<never>((_, reject) => (abandon = reject));
    aborted.catch(() => undefined);
    const pipeline = new PublishPipeline({
      publisher,
      topic,
      aborted,
      acknowledged: async (events, checkpoint) => {
        await saveCheckpoint(pool, consumer, checkpoint);
        run.progress(events.length, checkpoint);
      },
      failed: (error) => run.fail(error),
    });
    this.options.log?.('log', `relaying to topic ${topic} from ${from.transactionId}:${from.globalPosition}`);
    return {
      from,
      handle: (events, checkpoint) => pipeline.handle(events, checkpoint),
      drain: () => pipeline.drain(),
      abandon: () => {
        abandon(new Error('stopped with a publish in flight (not acknowledged: it will be published again)'));
        void publisher.close().catch(() => undefined);
      },
      close: () => publisher.close().catch(() => undefined),
    };
  }
}
