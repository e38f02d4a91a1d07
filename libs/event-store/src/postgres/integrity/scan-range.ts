import type { CustomTypesConfig } from 'pg';
import type { Checkpoint, SealExport } from '../../event-store.port';
import { LINK_BUCKETS, LinkSums } from '../../hash/link-sums';
import { SealHasher } from '../../hash/seal-hash';
import { storedEventIntact } from '../../hash/stored-event';
import type { Queryable } from '../queryable';

/** A stretch of the log in delivery order, cut only at seal boundaries (a seal is hashed by one scanner). */
export interface ScanRange {
  /** Exclusive. */
  after: Checkpoint;
  /** Inclusive; null: to the end of the log. */
  upTo: Checkpoint | null;
  /** The seals lying in this range, oldest first. */
  seals: SealExport[];
}

/** An event recorded (by its recorded_at) well before events that precede it in the log: a backdating suspect. */
export interface RecordedAtSuspect {
  streamId: string;
  streamPosition: number;
  recordedAtMicros: number;
  /** The latest recording time of the events before it in the log. */
  afterMicros: number;
}

export interface SealRecomputed {
  sealNumber: number;
  eventCount: number;
  sealHash: string;
  suspects: RecordedAtSuspect[];
}

export interface ScanResult {
  events: number;
  lanes: Float64Array;
  /** Events whose hash no longer follows from their content, position and prev_hash (the first 1,000). */
  altered: { streamId: string; streamPosition: number; bucket: number }[];
  seals: SealRecomputed[];
  /** Recording times out of line after the last seal of the range (not proof: a slow transaction can do it). */
  tailSuspects: RecordedAtSuspect[];
}

const PAGE = 5_000;
/** Events of one transaction are recorded in order; across transactions a slow one may lag by a little. */
const RECORDED_AT_TOLERANCE_MICROS = 1_000_000;
const MAX_SUSPECTS = 5;
const RAW: CustomTypesConfig = {
  getTypeParser: (() => (value: string) => value) as unknown as CustomTypesConfig['getTypeParser'],
};

function pageSql(bounded: boolean): string {
  return `SELECT e.transaction_id::text AS t, e.global_position::text AS g, (extract(epoch FROM e.recorded_at) * 1000000)::int8::text AS us,
      e.stream_id, e.stream_position::text AS p, e.type, e.schema_version::text AS v, e.data::text AS d, e.metadata::text AS m,
      e.hash, e.prev_hash, (hashtext(e.stream_id) & ${LINK_BUCKETS - 1})::text AS b
    FROM event_store.events AS e
    WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::int8)
      ${bounded ? 'AND (e.transaction_id, e.global_position) <= ($4::xid8, $5::int8)' : ''}
    ORDER BY e.transaction_id, e.global_position LIMIT $3`;
}

type Row = [string, string, string, string, string, string, string, string, string, string, string | null, string];

/**
 * Reads one range in delivery order, page by page, and checks every event on the way: its own hash against its
 * content, position and prev_hash; its links into the order-free sums; its line into the seal it lies in. Runs in
 * the caller's (read-only, repeatable-read) transaction, on the main thread or in a worker.
 */
export async function scanRange(
  db: Queryable,
  range: ScanRange,
  onProgress?: (events: number) => void,
): Promise<ScanResult> {
  const sums = new LinkSums();
  const result: ScanResult = { events: 0, lanes: sums.lanes, altered: [], seals: [], tailSuspects: [] };
  const seals = range.seals.map((s) => ({
    seal: s,
    upToTx: Number(s.upTo.transactionId),
    upToG: s.upTo.globalPosition,
  }));
  let sealIndex = 0;
  let hasher: SealHasher | undefined;
  let suspects: RecordedAtSuspect[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  const finishSeal = (): void => {
    const entry = seals[sealIndex] as (typeof seals)[number];
    const h = hasher ?? new SealHasher(entry.seal.prevSealHash, entry.seal.after, entry.seal.upTo);
    result.seals.push({ sealNumber: entry.seal.sealNumber, eventCount: h.eventCount, sealHash: h.digest(), suspects });
    hasher = undefined;
    suspects = [];
    sealIndex += 1;
  };
  const bounded = range.upTo !== null;
  const fetchAfter = (from: Checkpoint): Promise<Row[]> => {
    const values: unknown[] = [from.transactionId, from.globalPosition, PAGE];
    if (range.upTo) values.push(range.upTo.transactionId, range.upTo.globalPosition);
    const page = db.query({ text: pageSql(bounded), values, rowMode: 'array', types: RAW } as never) as unknown;
    return (page as Promise<{ rows: Row[] }>).then((r) => r.rows);
  };
  let next: Promise<Row[]> | null = fetchAfter(range.after);
  while (next) {
    const rows: Row[] = await next;
    // The next page is asked for before this one is checked: the server reads it while this thread hashes.
    const last = rows[rows.length - 1];
    next =
      last && rows.length === PAGE ? fetchAfter({ transactionId: last[0], globalPosition: Number(last[1]) }) : null;
    next?.catch(() => undefined); // awaited on the next turn; a failure here must not go unhandled meanwhile
    for (const row of rows) {
      const [t, g, us, streamId, positionText, type, schemaVersion, data, metadata, hash, prevHash, bucketText] = row;
      const position = Number(positionText);
      const bucket = Number(bucketText);
      const tx = Number(t);
      const global = Number(g);
      while (sealIndex < seals.length) {
        const entry = seals[sealIndex] as (typeof seals)[number];
        if (tx < entry.upToTx || (tx === entry.upToTx && global <= entry.upToG)) break;
        finishSeal();
      }
      const inSeal = sealIndex < seals.length;
      if (inSeal) {
        const entry = seals[sealIndex] as (typeof seals)[number];
        hasher ??= new SealHasher(entry.seal.prevSealHash, entry.seal.after, entry.seal.upTo);
        hasher.add(t, g, us, hash);
      }
      const micros = Number(us);
      if (micros < latest - RECORDED_AT_TOLERANCE_MICROS) {
        const list = inSeal ? suspects : result.tailSuspects;
        if (list.length < MAX_SUSPECTS)
          list.push({ streamId, streamPosition: position, recordedAtMicros: micros, afterMicros: latest });
      } else if (micros > latest) {
        latest = micros;
      }
      sums.add(bucket, hash);
      if (prevHash !== null) sums.take(bucket, prevHash);
      if (
        !storedEventIntact({
          streamId,
          streamPosition: position,
          type,
          schemaVersion: Number(schemaVersion),
          data,
          metadata,
          hash,
          prevHash,
        }) &&
        result.altered.length < 1000
      ) {
        result.altered.push({ streamId, streamPosition: position, bucket });
      }
    }
    result.events += rows.length;
    onProgress?.(result.events);
  }
  while (sealIndex < seals.length) finishSeal();
  return result;
}
