import type { ClientBase } from 'pg';
import type { Checkpoint, SealExport } from '../../event-store.port';
import { LINK_BUCKETS, LinkSums } from '../../hash/link-sums';
import { SealHasher } from '../../hash/seal-hash';
import { readBinaryCopy } from '@app/platform/pg';
import { FIELD_COUNT, Field, RowHasher } from './row-hash';

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

/** Events of one transaction are recorded in order; across transactions a slow one may lag by a little. */
const RECORDED_AT_TOLERANCE_MICROS = 1_000_000;
const MAX_SUSPECTS = 5;
/** timestamptz travels as microseconds since 2000-01-01 UTC; the seal lines count them from 1970. */
const MICROS_1970_TO_2000 = 946_684_800_000_000;
const PROGRESS_EVERY = 5_000;

/** The range's rows in delivery order; the positions are decimal digits (checked), written into the query. */
function rangeSql(range: ScanRange): string {
  const point = (c: Checkpoint): string =>
    `('${digits(c.transactionId)}'::xid8, ${digits(String(c.globalPosition))}::int8)`;
  return `SELECT e.transaction_id, e.global_position, e.recorded_at, e.stream_id, e.stream_position, e.type,
      e.schema_version, e.data::text, e.metadata::text, e.hash, e.prev_hash, hashtext(e.stream_id) & ${LINK_BUCKETS - 1}
    FROM event_store.events AS e
    WHERE (e.transaction_id, e.global_position) > ${point(range.after)}
      ${range.upTo ? `AND (e.transaction_id, e.global_position) <= ${point(range.upTo)}` : ''}
    ORDER BY e.transaction_id, e.global_position`;
}

function digits(value: string): string {
  if (!/^[0-9]{1,20}$/.test(value)) throw new Error(`not a log position: ${JSON.stringify(value)}`);
  return value;
}

/**
 * Reads one range in delivery order (one binary COPY, binary-copy.ts) and checks every event on the way: its own
 * hash against its content, position and prev_hash (row-hash.ts); its links into the order-free sums; its line into
 * the seal it lies in. Runs in the caller's (read-only, repeatable-read) transaction, on the main thread or in a
 * worker.
 */
export async function scanRange(
  db: ClientBase,
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
  const rows = new RowHasher();
  // In log order along its index: the planner, misjudging how few rows a range of (xid8, int8) pairs holds, would
  // otherwise scan the whole table (in parallel) and sort — in every worker. The caller's transaction bounds these.
  await db.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off');
  await readBinaryCopy(db, rangeSql(range), FIELD_COUNT, (row) => {
    const tx = row.int64(Field.TransactionId);
    const global = row.int64(Field.GlobalPosition);
    const bucket = row.int32(Field.Bucket);
    const hashAt = row.start(Field.Hash);
    const hashEnd = hashAt + row.length(Field.Hash);
    while (sealIndex < seals.length) {
      const entry = seals[sealIndex] as (typeof seals)[number];
      if (tx < entry.upToTx || (tx === entry.upToTx && global <= entry.upToG)) break;
      finishSeal();
    }
    const micros = row.int64(Field.RecordedAt) + MICROS_1970_TO_2000;
    const inSeal = sealIndex < seals.length;
    if (inSeal) {
      const entry = seals[sealIndex] as (typeof seals)[number];
      hasher ??= new SealHasher(entry.seal.prevSealHash, entry.seal.after, entry.seal.upTo);
      hasher.addFromBytes(tx, global, micros, row.buffer, hashAt, hashEnd);
    }
    if (micros < latest - RECORDED_AT_TOLERANCE_MICROS) {
      const list = inSeal ? suspects : result.tailSuspects;
      if (list.length < MAX_SUSPECTS)
        list.push({
          streamId: row.text(Field.StreamId),
          streamPosition: row.int64(Field.StreamPosition),
          recordedAtMicros: micros,
          afterMicros: latest,
        });
    } else if (micros > latest) {
      latest = micros;
    }
    sums.addBytes(bucket, row.buffer, hashAt, hashEnd);
    if (!row.isNull(Field.PrevHash)) {
      const prevAt = row.start(Field.PrevHash);
      sums.takeBytes(bucket, row.buffer, prevAt, prevAt + row.length(Field.PrevHash));
    }
    if (!rows.intact(row) && result.altered.length < 1000) {
      result.altered.push({
        streamId: row.text(Field.StreamId),
        streamPosition: row.int64(Field.StreamPosition),
        bucket,
      });
    }
    result.events += 1;
    if (result.events % PROGRESS_EVERY === 0) onProgress?.(result.events);
  });
  if (result.events % PROGRESS_EVERY !== 0) onProgress?.(result.events);
  while (sealIndex < seals.length) finishSeal();
  return result;
}
