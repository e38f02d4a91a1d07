import { Client } from 'pg';
import { chainLink, contentDigest } from '../hash/event-hash';

/**
 * A superuser connection past the append-only triggers (session_replication_role = replica), as the tamper specs
 * use it: what someone with the database's keys could do to the log.
 */
export async function connectAttacker(url: string): Promise<Client> {
  const attacker = new Client({ connectionString: url });
  await attacker.connect();
  await attacker.query('SET session_replication_role = replica');
  return attacker;
}

/**
 * The most careful rewrite: one event's data changed (`change`), and every hash of the stream from there recomputed,
 * head included, so that the stream's own chain checks out again. Only something outside the stream (a seal) can tell.
 */
export async function rewriteStreamWithValidHashes(
  attacker: Client,
  streamId: string,
  position: number,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const { rows } = await attacker.query<{
    stream_position: string;
    type: string;
    schema_version: number;
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }>(
    'SELECT stream_position, type, schema_version, data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY stream_position',
    [streamId],
  );
  let prev: string | null = null;
  for (const row of rows) {
    const at = Number(row.stream_position);
    const data = at === position ? change(row.data) : row.data;
    const digest = contentDigest({
      streamId,
      type: row.type,
      schemaVersion: row.schema_version,
      data,
      metadata: row.metadata,
    });
    const hash = chainLink(prev, at, digest);
    await attacker.query(
      'UPDATE event_store.events SET data = $1, hash = $2, prev_hash = $3 WHERE stream_id = $4 AND stream_position = $5',
      [data, hash, prev, streamId, at],
    );
    prev = hash;
  }
  await attacker.query('UPDATE event_store.streams SET last_hash = $1 WHERE stream_id = $2', [prev, streamId]);
}
