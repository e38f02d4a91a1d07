import type { Checkpoint, RecordedEvent } from '../event-store.port';

/**
 * What a follower of the log does, hosted by a `CheckpointedProcessor` (which holds the lock, runs the subscription,
 * backs off after failures, keeps the metrics and stops without races). The follower owns its checkpoint: where it
 * is kept and when it is saved (with the batch's own writes, or after a broker's acknowledgement).
 */
export interface LogFollower {
  /**
   * Prepares one run, once the lock is held: reads the durable checkpoint to start from and sets up what the batches
   * need. A run ends on a stop, on a failure (a new run starts from the durable checkpoint after a pause) or when the
   * lock is lost.
   */
  open(run: RunContext): Promise<FollowerRun>;
  /** The durable checkpoint now (how far behind the log the follower is: /health's lag). */
  checkpoint(): Promise<Checkpoint>;
}

export interface FollowerRun {
  /** Where this run reads from: the durable checkpoint. */
  readonly from: Checkpoint;
  /** One batch, in log order; the next one is read once this resolves. A throw ends the run. */
  handle(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void>;
  /** Resolves once everything handled is durable (work `handle` left in flight); rejects with its failure. */
  drain?(): Promise<void>;
  /** A stop that waited `stopTimeoutMs`: give up the work in flight (its checkpoint is not saved). */
  abandon?(): void;
  /** The run is over (after a stop, a failure or the lock's loss): release what `open` set up. */
  close?(): Promise<void>;
}

/** What the processor gives each run. */
export interface RunContext {
  /** Aborted when the processor stops. */
  readonly signal: AbortSignal;
  /** Durable progress: `events` handled, the checkpoint saved (metrics, /health). */
  progress(events: number, checkpoint: Checkpoint, lastRecordedAt?: Date | null): void;
  /** Ends the run with `error` from outside `handle` (work left in flight failed). */
  fail(error: Error): void;
}
