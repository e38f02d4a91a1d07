import type { ClientBase } from 'pg';
import { LINK_BUCKETS, LinkSums } from '../../hash/link-sums';
import { readBinaryCopy } from '@app/platform/pg';

/**
 * Every stream head's last hash, summed per bucket as the scan sums the events' links (hash/link-sums.ts), read in
 * the caller's transaction with one binary COPY of the heads (binary-copy.ts). Summed here rather than in SQL:
 * PostgreSQL's numeric sums of the hashes' lanes cost it ~13 µs per stream, most of `verify`'s time after the scan
 * on a log of a million streams. Returns the sums (to take away from the events') and the number of streams.
 */
export async function sumStreamHeads(db: ClientBase): Promise<{ sums: LinkSums; streams: number }> {
  const sums = new LinkSums();
  const streams = await readBinaryCopy(
    db,
    `SELECT hashtext(stream_id) & ${LINK_BUCKETS - 1}, last_hash FROM event_store.streams WHERE version > 0`,
    2,
    (row) => {
      if (row.isNull(1)) return;
      const at = row.start(1);
      sums.addBytes(row.int32(0), row.buffer, at, at + row.length(1));
    },
  );
  return { sums, streams };
}
