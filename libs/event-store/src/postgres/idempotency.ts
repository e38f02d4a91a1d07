import type { AppendResult } from '../event-store.port';
import type { Queryable } from './queryable';
import { readStream } from './read-stream';

/** The result of the first append made with `key`, re-read from the log (marked duplicate). */
export async function originalResults(db: Queryable, key: string): Promise<AppendResult[]> {
  const { rows } = await db.query<{ stream_ids: string[]; from_positions: string[]; to_positions: string[] }>({
    name: 'event_store_idempotency_lookup',
    text: 'SELECT stream_ids, from_positions::text[] AS from_positions, to_positions::text[] AS to_positions FROM event_store.idempotency_keys WHERE key = $1',
    values: [key],
  });
  const row = rows[0];
  if (!row) throw new Error(`Idempotency key ${JSON.stringify(key)} reported as seen but not found`);
  return Promise.all(
    row.stream_ids.map(async (streamId, i) => {
      const from = Number(row.from_positions[i]);
      const to = Number(row.to_positions[i]);
      const events = await readStream(db, streamId, { fromVersion: from, toVersion: to });
      return { streamId, nextExpectedVersion: to, events, duplicate: true };
    }),
  );
}
