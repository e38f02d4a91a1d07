import type { Checkpoint, IntegrityProblem } from '../../event-store.port';
import { compareCheckpoints } from '../../checkpoint';
import { place } from '../../hash/seal-chain';
import type { PoolClient } from 'pg';

/**
 * Records of the store other than the events that prove events existed (read in the verifier's snapshot). Each
 * check is sound: it never fires on an untouched log, whatever the crashes and rollbacks.
 * - A consumer's checkpoint is the place of an event it read: one beyond the end of the log means the newest
 *   events were removed.
 * - An idempotency key is written in the transaction of its events, with the stream positions they took: a stream
 *   that no longer reaches them lost its tail (or was deleted).
 * - Global positions come from an identity sequence: a position beyond its last value was written by hand.
 * - A transaction id at or past the snapshot's xmax has not happened yet: the row was written by hand.
 */
export async function checkWitnesses(
  db: PoolClient,
): Promise<{ problems: IntegrityProblem[]; end: Checkpoint | null }> {
  const problems: IntegrityProblem[] = [];
  const last = (
    await db.query<{ t: string; g: string; beyond_xmax: boolean }>(
      `SELECT transaction_id::text AS t, global_position::text AS g, transaction_id >= pg_snapshot_xmax(pg_current_snapshot()) AS beyond_xmax
       FROM event_store.events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    )
  ).rows[0];
  const end = last ? { transactionId: last.t, globalPosition: Number(last.g) } : null;
  if (last?.beyond_xmax)
    problems.push({
      kind: 'witness',
      detail: `the last event of the log claims transaction ${last.t}, which has not happened yet: it was written by hand`,
    });

  const checkpoints = await db.query<{ consumer: string; t: string; g: string }>(
    'SELECT consumer, transaction_id::text AS t, global_position::text AS g FROM event_store.checkpoints ORDER BY consumer',
  );
  for (const row of checkpoints.rows) {
    const checkpoint = { transactionId: row.t, globalPosition: Number(row.g) };
    if (checkpoint.globalPosition === 0 && checkpoint.transactionId === '0') continue;
    if (!end || compareCheckpoints(checkpoint, end) > 0) {
      problems.push({
        kind: 'witness',
        detail: `the consumer "${row.consumer}" has read up to ${place(checkpoint)}, but the log now ends ${end ? `at ${place(end)}` : 'empty'}: the newest events were removed`,
      });
    }
  }

  const keys = await db.query<{ key: string; stream_id: string; to_position: string; version: string | null }>(
    `SELECT k.key, x.stream_id, x.to_position::text AS to_position, s.version::text AS version
     FROM event_store.idempotency_keys AS k
     CROSS JOIN LATERAL unnest(k.stream_ids, k.to_positions) AS x(stream_id, to_position)
     LEFT JOIN event_store.streams AS s ON s.stream_id = x.stream_id
     WHERE s.version IS NULL OR s.version < x.to_position
     ORDER BY x.stream_id LIMIT 20`,
  );
  for (const row of keys.rows) {
    problems.push({
      kind: 'witness',
      streamId: row.stream_id,
      streamPosition: Number(row.to_position),
      detail:
        row.version === null
          ? `the stream was deleted: the idempotency key "${row.key}" recorded its events up to position ${row.to_position}`
          : `the stream ends at version ${row.version}, but the idempotency key "${row.key}" recorded its events up to position ${row.to_position}: its last events were removed`,
    });
  }

  const sequence = (
    await db.query<{ last_value: string | null; top: string | null }>(
      `SELECT (SELECT last_value::text FROM event_store.events_global_position_seq) AS last_value,
              (SELECT max(global_position)::text FROM event_store.events) AS top`,
    )
  ).rows[0];
  if (sequence?.top && sequence.last_value && BigInt(sequence.top) > BigInt(sequence.last_value)) {
    problems.push({
      kind: 'witness',
      detail: `an event sits at global position ${sequence.top}, beyond the last one the log ever handed out (${sequence.last_value}): it was inserted by hand`,
    });
  }
  return { problems, end };
}
