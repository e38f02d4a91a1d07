import { START } from '../checkpoint';
import type { Checkpoint } from '../event-store.port';
import type { Queryable } from './queryable';

/**
 * Consumers' checkpoints. A projector calls saveCheckpoint with the client of ITS OWN transaction, the one that
 * writes its read-model rows, so that rows and position commit (or roll back) together.
 */
export async function loadCheckpoint(db: Queryable, consumer: string): Promise<Checkpoint> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>({
    name: 'event_store_load_checkpoint',
    text: 'SELECT transaction_id::text AS transaction_id, global_position::text AS global_position FROM event_store.checkpoints WHERE consumer = $1',
    values: [consumer],
  });
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition: Number(row.global_position) } : START;
}

export async function saveCheckpoint(db: Queryable, consumer: string, checkpoint: Checkpoint): Promise<void> {
  await db.query({
    name: 'event_store_save_checkpoint',
    text: `INSERT INTO event_store.checkpoints AS c (consumer, transaction_id, global_position, updated_at)
           VALUES ($1, $2::xid8, $3, now())
           ON CONFLICT (consumer) DO UPDATE
           SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
    values: [consumer, checkpoint.transactionId, checkpoint.globalPosition],
  });
}

/** Forgets a consumer's position (a rebuild starts again from START). */
export async function deleteCheckpoint(db: Queryable, consumer: string): Promise<void> {
  await db.query({ text: 'DELETE FROM event_store.checkpoints WHERE consumer = $1', values: [consumer] });
}
