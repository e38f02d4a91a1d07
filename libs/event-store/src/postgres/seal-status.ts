import type { SealExport } from '../event-store.port';
import type { Queryable } from './queryable';
import { SEAL_COLUMNS, type SealRow, toExport } from './seal';
import { EVENT_STORE_TYPES } from './type-parsers';

/** How far the seals reach: how many, the newest, and the events recorded after it (not yet sealed). */
export interface SealStatus {
  seals: number;
  lastSeal: SealExport | null;
  unsealedEvents: number;
}

export async function sealStatus(db: Queryable): Promise<SealStatus> {
  const { rows } = await db.query<SealRow & { seals: string; unsealed: string }>({
    types: EVENT_STORE_TYPES,
    text: `SELECT ${SEAL_COLUMNS}, (SELECT count(*) FROM event_store.seals)::text AS seals,
             (SELECT count(*) FROM event_store.events AS e
               WHERE (e.transaction_id, e.global_position) > (s.up_to_transaction_id, s.up_to_global_position))::text AS unsealed
           FROM event_store.seals AS s ORDER BY s.seal_number DESC LIMIT 1`,
  });
  const row = rows[0];
  if (row) return { seals: Number(row.seals), lastSeal: toExport(row), unsealedEvents: Number(row.unsealed) };
  const all = await db.query<{ n: string }>({ text: 'SELECT count(*)::text AS n FROM event_store.events' });
  return { seals: 0, lastSeal: null, unsealedEvents: Number(all.rows[0]?.n ?? 0) };
}

/** A page of the seals, newest first. */
export async function sealPage(db: Queryable, offset: number, limit: number): Promise<SealExport[]> {
  const { rows } = await db.query<SealRow>({
    types: EVENT_STORE_TYPES,
    text: `SELECT ${SEAL_COLUMNS} FROM event_store.seals AS s ORDER BY s.seal_number DESC OFFSET $1 LIMIT $2`,
    values: [offset, limit],
  });
  return rows.map(toExport);
}

/** One seal by its number, or null. */
export async function sealByNumber(db: Queryable, sealNumber: number): Promise<SealExport | null> {
  const { rows } = await db.query<SealRow>({
    types: EVENT_STORE_TYPES,
    text: `SELECT ${SEAL_COLUMNS} FROM event_store.seals AS s WHERE s.seal_number = $1`,
    values: [sealNumber],
  });
  return rows[0] ? toExport(rows[0]) : null;
}
