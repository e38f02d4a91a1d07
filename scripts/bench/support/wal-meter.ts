import type { Pool } from 'pg';

/** WAL written between two points: the records themselves and the full-page images after checkpoints. */
export interface WalBytes {
  total: number;
  records: number;
  fullPageImages: number;
}

/**
 * Measures the WAL a piece of work writes on the server (pg_current_wal_lsn before and after; pg_walinspect splits
 * the records from the full-page images, whose share depends on how recently a checkpoint ran). Starts with a
 * CHECKPOINT, so the figure is the upper bound of a run just after one; the records alone are the lower bound.
 */
export async function measureWal<T>(pool: Pool, work: () => Promise<T>): Promise<[T, WalBytes]> {
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_walinspect');
  await pool.query('CHECKPOINT');
  const before = await lsn(pool);
  const result = await work();
  const after = await lsn(pool);
  const { rows } = await pool.query<{ records: string | null; fpi: string | null; total: string | null }>(
    `SELECT sum(record_size)::text AS records, sum(fpi_size)::text AS fpi, pg_wal_lsn_diff($2::pg_lsn, $1::pg_lsn)::text AS total
     FROM pg_get_wal_stats($1::pg_lsn, $2::pg_lsn, false)`,
    [before, after],
  );
  const row = rows[0];
  return [
    result,
    { total: Number(row?.total ?? 0), records: Number(row?.records ?? 0), fullPageImages: Number(row?.fpi ?? 0) },
  ];
}

async function lsn(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  return rows[0]?.lsn as string;
}

/** Table + index + TOAST bytes of each table of a schema (generation tables included), largest first. */
export async function tableBytes(pool: Pool, schema: string): Promise<{ table: string; bytes: number }[]> {
  const { rows } = await pool.query<{ table: string; bytes: string }>(
    `SELECT c.relname AS table, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class AS c
     JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 2 DESC`,
    [schema],
  );
  return rows.map((r) => ({ table: r.table, bytes: Number(r.bytes) })).sort((a, b) => b.bytes - a.bytes);
}
