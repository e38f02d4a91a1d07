import type { Checkpoint } from '../event-store.port';
import type { Queryable } from './queryable';

/**
 * Two look-ups for readers that hand out global positions (a live feed's `Last-Event-ID`) and must turn them back
 * into checkpoints of the delivery order, (transaction id, global position): a global position alone does not say
 * where a reader stands, since an event with a lower position may be delivered after one with a higher one.
 */

/** The checkpoint of the event at `globalPosition`, or undefined when no event has it (a gap, or not yet written). */
export async function checkpointAt(db: Queryable, globalPosition: number): Promise<Checkpoint | undefined> {
  const { rows } = await db.query<{ transaction_id: string }>({
    name: 'event_store_checkpoint_at',
    text: 'SELECT transaction_id::text AS transaction_id FROM event_store.events WHERE global_position = $1',
    values: [globalPosition],
  });
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition } : undefined;
}

/**
 * The head of the readable log: the checkpoint of its last event below the oldest transaction in flight (what a
 * gap-safe reader would reach by reading everything now), or undefined for an empty log.
 */
export async function headCheckpoint(db: Queryable): Promise<Checkpoint | undefined> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>({
    name: 'event_store_head_checkpoint',
    text: `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
           FROM event_store.events AS e
           WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
  });
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition: Number(row.global_position) } : undefined;
}
