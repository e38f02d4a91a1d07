import type { Checkpoint, RecordedEvent } from '@app/event-store';
import { encodeEvent } from '@app/messaging';
import type { MessagePublisher } from '@app/messaging';

/**
 * Two batches deep: while batch k waits for the broker's acknowledgement, the store subscription reads and encodes
 * batch k + 1. Publishes stay strictly one after the other (so a failed batch is never overtaken by a later one),
 * and each checkpoint is saved only after its own batch — and every batch before it — was acknowledged.
 */
export class PublishPipeline {
  private inFlight: Promise<void> = Promise.resolve();
  private failure?: Error;

  constructor(
    private readonly options: {
      publisher: MessagePublisher;
      topic: string;
      /** Rejects to abandon a publish (stop with a broker that does not answer). */
      aborted: Promise<never>;
      /** After the broker acknowledged the batch: save the checkpoint, count. */
      acknowledged: (events: RecordedEvent[], checkpoint: Checkpoint) => Promise<void>;
      /** A batch failed: no later batch will be published; the caller restarts from the saved checkpoint. */
      failed: (error: Error) => void;
    },
  ) {}

  /** The subscription's handler: queues the batch and returns once the batch BEFORE it is acknowledged. */
  async handle(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    if (this.failure) throw this.failure;
    const messages = events.map(encodeEvent);
    const previous = this.inFlight;
    const current = (async () => {
      await previous;
      await Promise.race([this.options.publisher.publish(this.options.topic, messages), this.options.aborted]);
      await this.options.acknowledged(events, checkpoint);
    })();
    this.inFlight = current;
    current.catch((error: Error) => {
      if (this.failure) return;
      this.failure = error;
      this.options.failed(error);
    });
    await previous;
  }

  /** Resolves once every queued batch is acknowledged and checkpointed; rejects with the first failure. */
  async drain(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
  }
}
