import path from 'node:path';
import type { Pool } from 'pg';
import { type EventStore, type PostgresEventStore, SEAL_MAX_EVENTS } from '@app/event-store';
import { appendLog, chronologicalLog } from '@app/read-models/testing';
import { fmt, nowMs } from './latency';
import { progress } from './reports-timing';
import { withSealedApplicants } from './sealed-applicants';

/** The bench log of bench:reports and bench:verify: dossiers received over four years from 2020, in time order. */
export const BENCH_LOG_FROM = '2020-01-01';
export const BENCH_LOG_DAYS = 4 * 365 + 1;

/** One line describing the log a bench generates. */
export function benchLogLine(dossiers: number, seed: number, applicants = false): string {
  return `${fmt(dossiers)} dossiers received ${BENCH_LOG_FROM} + ${BENCH_LOG_DAYS} days (seed ${seed})${applicants ? ', every receipt with a sealed applicant' : ''}`;
}

/**
 * Where the bench keeps its log between runs (`--keep DIR`, see bench-postgres.ts), or undefined for a fresh database.
 * Each log (dossiers, seed, applicants) gets a database of its own in DIR.
 */
export function benchKeep(
  options: Record<string, string | boolean | undefined>,
  log: { dossiers: number; seed: number; applicants?: boolean },
): { dir: string; name: string } | undefined {
  if (options.keep === undefined) return undefined;
  if (typeof options.keep !== 'string') throw new Error('--keep needs a folder: --keep .data/bench-log');
  return {
    dir: path.resolve(options.keep),
    name: `bench_log_${log.dossiers}_${log.seed}${log.applicants ? '_applicants' : ''}`,
  };
}

/**
 * Generates the bench log and appends it (the dossiers interleaved, as a one-stop system writes them), showing
 * progress; prints how long it took (not a target). With `pool` (a kept database), a log appended whole by an
 * earlier run is reused: recorded in `bench_log.appended` once complete, so a run stopped half-way is refused.
 */
export async function appendBenchLog(
  store: EventStore,
  options: { dossiers: number; seed: number; applicants?: boolean; pool?: Pool },
): Promise<{ events: number; streams: number }> {
  const { pool } = options;
  if (pool) {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS bench_log;
      CREATE TABLE IF NOT EXISTS bench_log.appended (events bigint NOT NULL, streams bigint NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await pool.query<{ events: string; streams: string }>(
      'SELECT events::text, streams::text FROM bench_log.appended',
    );
    if (rows[0]) {
      const kept = { events: Number(rows[0].events), streams: Number(rows[0].streams) };
      console.log(`reusing the kept log: ${fmt(kept.events)} events of ${fmt(kept.streams)} dossiers`);
      return kept;
    }
    const { rows: any } = await pool.query('SELECT 1 FROM event_store.events LIMIT 1');
    if (any.length > 0) throw new Error('the kept database holds a log appended only in part: delete its folder');
  }
  const started = nowMs();
  const shown = progress('appending');
  const log = chronologicalLog({
    seed: options.seed,
    dossiers: options.dossiers,
    from: BENCH_LOG_FROM,
    days: BENCH_LOG_DAYS,
  });
  const appended = await appendLog(store, options.applicants ? withSealedApplicants(log) : log, {
    perAppend: 1000,
    inFlight: 3,
    onProgress: (events) => shown(events, 'events'),
  });
  console.log(
    `generated and appended ${fmt(appended.events)} events of ${fmt(appended.streams)} dossiers in ${fmt((nowMs() - started) / 1000, 1)} s (not a target)`,
  );
  if (pool)
    await pool.query('INSERT INTO bench_log.appended (events, streams) VALUES ($1, $2)', [
      appended.events,
      appended.streams,
    ]);
  return appended;
}

/**
 * Seals the log as the sealer of `npm start` would (pieces of SEAL_MAX_EVENTS), but for its newest `unsealed` events;
 * seals already taken (a kept log) count. Returns the events sealed in all and the seals taken by this call.
 */
export async function sealBenchLog(
  store: PostgresEventStore,
  pool: Pool,
  events: number,
  unsealed: number,
): Promise<{ sealed: number; seals: number }> {
  const target = Math.max(0, events - unsealed);
  const { rows } = await pool.query<{ n: string }>(
    'SELECT coalesce(sum(event_count), 0)::text AS n FROM event_store.seals',
  );
  let sealed = Number(rows[0]?.n ?? 0);
  let seals = 0;
  while (sealed < target) {
    const seal = await store.seal({ maxEvents: Math.min(SEAL_MAX_EVENTS, target - sealed) });
    if (seal.eventCount === 0) break;
    sealed += seal.eventCount;
    seals += 1;
  }
  return { sealed, seals };
}
