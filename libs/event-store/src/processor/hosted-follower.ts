import type { CheckpointedProcessor, ProcessorLag } from './checkpointed-processor';

/**
 * A follower of the log as its users see it (the projector, the relay): started, stopped, awaited and watched
 * through the CheckpointedProcessor that hosts it. Subclasses build the processor and say what their status adds.
 */
export abstract class HostedFollower<S> {
  abstract readonly processor: CheckpointedProcessor;
  /** caughtUp() rejects when the follower is failing (true), or waits through failures (false). */
  protected readonly failOnError: boolean = false;

  abstract status(): S;

  start(): void {
    this.processor.start();
  }

  /** Stops whatever the follower is doing; the batch in flight completes with its checkpoint, or is abandoned. */
  stop(): Promise<void> {
    return this.processor.stop();
  }

  /** Resolves once every event readable when called has been handled and checkpointed. */
  caughtUp(): Promise<void> {
    return this.processor.caughtUp({ failOnError: this.failOnError });
  }

  /** How far behind the log the follower is (reads at most `limit` pending events). */
  lag(limit = 1000): Promise<ProcessorLag> {
    return this.processor.lag(limit);
  }

  /** What /health shows: the status, and the lag while running. */
  async health(): Promise<S & { lag: ProcessorLag | { error: string } | null }> {
    return { ...this.status(), lag: await this.processor.lagWhileRunning() };
  }
}
