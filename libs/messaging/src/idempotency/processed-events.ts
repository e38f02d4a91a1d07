import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '@app/event-store';
import { inTransaction } from '@app/platform/pg';
import { StreamGapError } from '../errors';

export interface ProcessedEventsOptions {
  pool: Pool;
  /** Name of the consumer (its dedupe state is its own). */
  consumer: string;
  /**
   * What a position beyond last + 1 means: 'fail' (default) throws `StreamGapError` — the batch is not committed
   * and comes again, loudly; 'accept' takes it (a consumer that joins a topic whose oldest events were deleted).
   */
  gaps?: 'fail' | 'accept';
}

export interface ProcessOutcome {
  handled: number;
  duplicates: number;
}

/**
 * Makes an event handler idempotent: keeps, in PostgreSQL (`messaging.processed_events`), the last stream position
 * each consumer handled per stream, and hands the handler only the events past it — in the SAME transaction as
 * the handler's own writes. A redelivered batch (relay re-published after a crash, consumer restarted before its
 * offset commit) is then skipped, exactly once in effect.
 */
export class ProcessedEvents {
  constructor(private readonly options: ProcessedEventsOptions) {}

  /** `handle` gets the new events (in the order given) and the transaction's client; commits both or neither. */
  async process(
    events: readonly RecordedEvent[],
    handle: (fresh: RecordedEvent[], client: PoolClient) => Promise<void>,
  ): Promise<ProcessOutcome> {
    if (events.length === 0) return { handled: 0, duplicates: 0 };
    return inTransaction(this.options.pool, async (client) => {
      const last = await this.lastPositions(client, events);
      const changed = new Map<string, number>();
      const fresh: RecordedEvent[] = [];
      for (const event of events) {
        const previous = changed.get(event.streamId) ?? last.get(event.streamId) ?? 0;
        if (event.streamPosition <= previous) continue;
        if (event.streamPosition > previous + 1 && (this.options.gaps ?? 'fail') === 'fail') {
          throw new StreamGapError(event.streamId, previous + 1, event.streamPosition);
        }
        changed.set(event.streamId, event.streamPosition);
        fresh.push(event);
      }
      if (fresh.length > 0) {
        await handle(fresh, client);
        await this.record(client, changed);
      }
      return { handled: fresh.length, duplicates: events.length - fresh.length };
    });
  }

  /** The last position handled per stream (for tests and diagnostics). */
  async positions(): Promise<Map<string, number>> {
    const { rows } = await this.options.pool.query<{ stream_id: string; last_position: string }>(
      'SELECT stream_id, last_position FROM messaging.processed_events WHERE consumer = $1 AND last_position > 0',
      [this.options.consumer],
    );
    return new Map(rows.map((r) => [r.stream_id, Number(r.last_position)]));
  }

  /**
   * Locks the batch's streams for this consumer and reads their last positions. A stream seen for the first time
   * gets a row first (position 0), so that two members racing on it queue on the row instead of both handling it;
   * rows are claimed and locked in stream-id order (no deadlock between two batches).
   */
  private async lastPositions(client: PoolClient, events: readonly RecordedEvent[]): Promise<Map<string, number>> {
    const streams = [...new Set(events.map((e) => e.streamId))].sort();
    await client.query({
      name: 'messaging_processed_claim',
      text: `INSERT INTO messaging.processed_events (consumer, stream_id, last_position)
             SELECT $1, s, 0 FROM unnest($2::text[]) AS u(s) ORDER BY s
             ON CONFLICT (consumer, stream_id) DO NOTHING`,
      values: [this.options.consumer, streams],
    });
    const { rows } = await client.query<{ stream_id: string; last_position: string }>({
      name: 'messaging_processed_lock',
      text: `SELECT stream_id, last_position FROM messaging.processed_events
             WHERE consumer = $1 AND stream_id = ANY($2::text[]) ORDER BY stream_id FOR UPDATE`,
      values: [this.options.consumer, streams],
    });
    return new Map(rows.map((r) => [r.stream_id, Number(r.last_position)]));
  }

  private async record(client: PoolClient, changed: Map<string, number>): Promise<void> {
    await client.query({
      name: 'messaging_processed_record',
      text: `INSERT INTO messaging.processed_events AS p (consumer, stream_id, last_position)
             SELECT $1, s, l FROM unnest($2::text[], $3::bigint[]) AS u(s, l)
             ON CONFLICT (consumer, stream_id) DO UPDATE
             SET last_position = GREATEST(p.last_position, EXCLUDED.last_position), updated_at = now()`,
      values: [this.options.consumer, [...changed.keys()], [...changed.values()]],
    });
  }
}
