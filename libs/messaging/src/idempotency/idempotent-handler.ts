import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@app/event-store';
import { decodeEvent } from '../events/event-message';
import type { MessageBatch } from '../messaging.port';
import type { ProcessOutcome, ProcessedEvents } from './processed-events';

/**
 * A consumer `handle` for the events topic: decodes the batch, drops what this consumer already handled, and calls
 * `handle` with the rest inside the dedupe transaction. Use it as `ConsumerOptions.handle`.
 */
export function idempotentEventHandler(
  processed: ProcessedEvents,
  handle: (events: RecordedEvent[], client: PoolClient, batch: MessageBatch) => Promise<void>,
  onOutcome?: (outcome: ProcessOutcome, batch: MessageBatch) => void,
): (batch: MessageBatch) => Promise<void> {
  return async (batch) => {
    const events = batch.messages.map((message) => decodeEvent(message));
    const outcome = await processed.process(events, (fresh, client) => handle(fresh, client, batch));
    onOutcome?.(outcome, batch);
  };
}
