import type { Pool } from 'pg';
import type { RecordedEvent } from '@app/event-store';
import {
  type MessageConsumer,
  type Messaging,
  ProcessedEvents,
  decodeEvent,
  idempotentEventHandler,
} from '@app/messaging';

export interface Delivery {
  streamId: string;
  streamPosition: number;
  partition: number;
  offset: string;
}

/**
 * A test consumer group on the events topic: records every raw delivery (partition, offset) and, through the
 * dedupe helper (`ProcessedEvents`, state in PostgreSQL), the events it handled, in the order it handled them.
 */
export class EventCollector {
  readonly deliveries: Delivery[] = [];
  readonly handled: RecordedEvent[] = [];
  duplicates = 0;
  private readonly consumer: MessageConsumer;

  constructor(options: { messaging: Messaging; pool: Pool; topic: string; groupId: string }) {
    const processed = new ProcessedEvents({ pool: options.pool, consumer: options.groupId });
    const handle = idempotentEventHandler(
      processed,
      async (events) => {
        this.handled.push(...events);
      },
      (outcome) => {
        this.duplicates += outcome.duplicates;
      },
    );
    this.consumer = options.messaging.consumer({
      groupId: options.groupId,
      topics: [options.topic],
      fromBeginning: true,
      retryDelayMs: 200,
      handle: async (batch) => {
        for (const message of batch.messages) {
          const event = decodeEvent(message);
          this.deliveries.push({
            streamId: event.streamId,
            streamPosition: event.streamPosition,
            partition: message.partition,
            offset: message.offset,
          });
        }
        await handle(batch);
      },
    });
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  /** Waits until `count` distinct events were handled; fails after `timeoutMs`, or after 10 s without progress. */
  async waitFor(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let progress = { handled: -1, at: Date.now() };
    while (this.handled.length < count) {
      if (this.handled.length !== progress.handled) progress = { handled: this.handled.length, at: Date.now() };
      const stalled = Date.now() - progress.at > 10_000;
      if (Date.now() > deadline || stalled) {
        throw new Error(
          `handled ${this.handled.length} of ${count} events (${stalled ? 'no progress for 10 s' : `not within ${timeoutMs} ms`}; consumer error: ${this.consumer.lastError ?? 'none'})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
