import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@app/platform/pg';
import { compareCheckpoints, isCheckpoint, START } from '../checkpoint';
import { EventStoreError } from '../errors';
import type { Checkpoint, SealExport, SealVerification } from '../event-store.port';
import { SEAL_FORMAT, SealHasher } from '../hash/seal-hash';
import type { Queryable } from './queryable';
import { EVENT_STORE_TYPES } from './type-parsers';

const PAGE = 5000;

const RANGE = `SELECT transaction_id::text AS t, global_position::text AS g,
    (extract(epoch FROM recorded_at) * 1000000)::int8::text AS us, hash
  FROM event_store.events
  WHERE (transaction_id, global_position) > ($1::xid8, $2::int8) AND (transaction_id, global_position) <= ($3::xid8, $4::int8)
  ORDER BY transaction_id, global_position LIMIT $5`;

export interface SealRow {
  seal_number: string;
  up_to_transaction_id: string;
  up_to_global_position: string;
  after_transaction_id: string;
  after_global_position: string;
  event_count: string;
  prev_seal_hash: string | null;
  seal_hash: string;
  created_at: Date;
}

export const SEAL_COLUMNS = `seal_number::text AS seal_number, after_transaction_id::text AS after_transaction_id,
  after_global_position::text AS after_global_position, up_to_transaction_id::text AS up_to_transaction_id,
  up_to_global_position::text AS up_to_global_position, event_count::text AS event_count, prev_seal_hash, seal_hash, created_at`;

/** Hashes the range (after, upTo] of the log, page by page. */
async function hashRange(
  db: Queryable,
  prevSealHash: string | null,
  after: Checkpoint,
  upTo: Checkpoint,
): Promise<SealHasher> {
  const hasher = new SealHasher(prevSealHash, after, upTo);
  let from = after;
  for (;;) {
    const { rows } = await db.query<{ t: string; g: string; us: string; hash: string }>({
      name: 'event_store_seal_range',
      text: RANGE,
      values: [from.transactionId, from.globalPosition, upTo.transactionId, upTo.globalPosition, PAGE],
    });
    for (const row of rows) hasher.add(row.t, row.g, row.us, row.hash);
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return hasher;
    from = { transactionId: last.t, globalPosition: Number(last.g) };
  }
}

export function toExport(row: SealRow): SealExport {
  return {
    format: SEAL_FORMAT,
    algorithm: 'sha256',
    sealNumber: Number(row.seal_number),
    after: { transactionId: row.after_transaction_id, globalPosition: Number(row.after_global_position) },
    upTo: { transactionId: row.up_to_transaction_id, globalPosition: Number(row.up_to_global_position) },
    eventCount: Number(row.event_count),
    prevSealHash: row.prev_seal_hash,
    sealHash: row.seal_hash,
    createdAt: row.created_at.toISOString(),
  };
}

/** Every seal, oldest first. */
export async function listSeals(db: Queryable): Promise<SealExport[]> {
  const { rows } = await db.query<SealRow>({
    text: `SELECT ${SEAL_COLUMNS} FROM event_store.seals AS s ORDER BY s.seal_number`,
    types: EVENT_STORE_TYPES,
  });
  return rows.map(toExport);
}

/** The checkpoint of the `count`-th event after `after` in delivery order, if the log holds that many. */
export async function nthAfter(db: Queryable, after: Checkpoint, count: number): Promise<Checkpoint | null> {
  const { rows } = await db.query<{ t: string; g: string }>({
    text: `SELECT transaction_id::text AS t, global_position::text AS g FROM event_store.events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::int8) ORDER BY transaction_id, global_position OFFSET $3 LIMIT 1`,
    values: [after.transactionId, after.globalPosition, count - 1],
  });
  const row = rows[0];
  return row ? { transactionId: row.t, globalPosition: Number(row.g) } : null;
}

/** When to seal on its own (the sealer): once `everyEvents` are unsealed, or `everySeconds` after the last seal. */
export interface SealPolicy {
  /** 0: not by count. */
  everyEvents: number;
  /** 0: not by time. */
  everySeconds: number;
  /** At most this many events per seal (a long backlog becomes several seals). */
  maxEvents: number;
}

/**
 * Takes a seal if the policy says one is due, deciding under the seal table's lock (so concurrent sealers take
 * turns and never seal twice). Returns the seal taken, or null.
 */
export async function sealIfDue(pool: Pool, policy: SealPolicy): Promise<SealExport | null> {
  return sealWith(pool, async (client, previous, after, horizon) => {
    if (compareCheckpoints(horizon, after) <= 0) return null;
    const byCount = policy.everyEvents > 0 && (await nthAfter(client, after, policy.everyEvents)) !== null;
    const byTime =
      policy.everySeconds > 0 &&
      (!previous || Date.now() - previous.created_at.getTime() >= policy.everySeconds * 1000);
    if (!byCount && !byTime) return null;
    const capped = await nthAfter(client, after, policy.maxEvents);
    return capped && compareCheckpoints(capped, horizon) < 0 ? capped : horizon;
  });
}

/** Seals from the previous seal up to `upTo` (default: the last event no in-flight transaction can precede). */
export async function seal(pool: Pool, upToGiven?: Checkpoint, maxEvents?: number): Promise<SealExport> {
  const sealed = await sealWith(pool, async (client, _previous, after, horizon) => {
    const upTo = upToGiven ?? (compareCheckpoints(horizon, after) > 0 ? horizon : after);
    if (maxEvents === undefined || upToGiven !== undefined) return upTo;
    const capped = await nthAfter(client, after, maxEvents);
    return capped && compareCheckpoints(capped, upTo) < 0 ? capped : upTo;
  });
  return sealed as SealExport;
}

type ChooseUpTo = (
  client: PoolClient,
  previous: SealRow | undefined,
  after: Checkpoint,
  horizon: Checkpoint,
) => Promise<Checkpoint | null>;

async function sealWith(pool: Pool, choose: ChooseUpTo): Promise<SealExport | null> {
  return inTransaction(pool, async (client) => {
    await client.query('LOCK TABLE event_store.seals IN EXCLUSIVE MODE');
    const previous = (
      await client.query<SealRow>({
        text: `SELECT ${SEAL_COLUMNS} FROM event_store.seals AS s ORDER BY s.seal_number DESC LIMIT 1`,
        types: EVENT_STORE_TYPES,
      })
    ).rows[0];
    const after = previous ? toExport(previous).upTo : START;
    const { rows } = await client.query<{ xmin: string; t: string | null; g: string | null }>(
      `SELECT s.xmin::text AS xmin, h.t, h.g FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) AS s
       LEFT JOIN LATERAL (SELECT transaction_id::text AS t, global_position::text AS g FROM event_store.events
         WHERE transaction_id < s.xmin ORDER BY transaction_id DESC, global_position DESC LIMIT 1) AS h ON true`,
    );
    const head = rows[0];
    const horizon = head?.t && head.g ? { transactionId: head.t, globalPosition: Number(head.g) } : START;
    const upTo = await choose(client, previous, after, horizon);
    if (upTo === null) return null; // nothing written: the commit only ends the lock
    if (compareCheckpoints(upTo, after) < 0)
      throw new EventStoreError('SEAL_INVALID', 'upTo is before the end of the previous seal.');
    if (compareCheckpoints(upTo, after) > 0 && BigInt(upTo.transactionId) >= BigInt(head?.xmin ?? '0')) {
      throw new EventStoreError(
        'SEAL_INVALID',
        'upTo is not final yet: a transaction that could precede it is still in flight.',
      );
    }
    const prevSealHash = previous?.seal_hash ?? null;
    const hasher = await hashRange(client, prevSealHash, after, upTo);
    const inserted = await client.query<SealRow>({
      types: EVENT_STORE_TYPES,
      text: `INSERT INTO event_store.seals (seal_number, after_transaction_id, after_global_position, up_to_transaction_id,
               up_to_global_position, event_count, prev_seal_hash, seal_hash)
             VALUES ($1, $2::xid8, $3, $4::xid8, $5, $6, $7, $8) RETURNING ${SEAL_COLUMNS}`,
      values: [
        Number(previous?.seal_number ?? 0) + 1,
        after.transactionId,
        after.globalPosition,
        upTo.transactionId,
        upTo.globalPosition,
        hasher.eventCount,
        prevSealHash,
        hasher.digest(),
      ],
    });
    return toExport(inserted.rows[0] as SealRow);
  });
}

/** Recomputes an exported seal from the log, and compares it with the seal table too. */
export async function verifySeal(db: Queryable, exported: SealExport): Promise<SealVerification> {
  if (exported?.format !== SEAL_FORMAT || !isCheckpoint(exported.after) || !isCheckpoint(exported.upTo)) {
    throw new EventStoreError('SEAL_INVALID', `Not an exported seal (${SEAL_FORMAT}).`);
  }
  const hasher = await hashRange(db, exported.prevSealHash, exported.after, exported.upTo);
  const recomputedHash = hasher.digest();
  const problems: string[] = [];
  if (hasher.eventCount !== exported.eventCount) {
    problems.push(`the range now holds ${hasher.eventCount} events, the seal counted ${exported.eventCount}`);
  }
  if (recomputedHash !== exported.sealHash) problems.push('the events of the range no longer give the sealed hash');
  const stored = await db.query<SealRow>({
    types: EVENT_STORE_TYPES,
    text: `SELECT ${SEAL_COLUMNS} FROM event_store.seals AS s WHERE s.seal_number IN ($1::int8, $1::int8 - 1) ORDER BY s.seal_number DESC`,
    values: [exported.sealNumber],
  });
  const own = stored.rows.find((r) => Number(r.seal_number) === exported.sealNumber);
  const before = stored.rows.find((r) => Number(r.seal_number) === exported.sealNumber - 1);
  if (!own) problems.push(`seal #${exported.sealNumber} is not in the seal table`);
  else if (own.seal_hash !== exported.sealHash)
    problems.push(`the seal table's copy of seal #${exported.sealNumber} differs from the exported one`);
  if (exported.sealNumber > 1 && before?.seal_hash !== exported.prevSealHash) {
    problems.push(`the previous seal (#${exported.sealNumber - 1}) does not have the hash this seal chains to`);
  }
  return {
    ok: problems.length === 0,
    sealNumber: exported.sealNumber,
    eventCount: hasher.eventCount,
    expectedHash: exported.sealHash,
    recomputedHash,
    problems,
  };
}
