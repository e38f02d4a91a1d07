import type { Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { rebuildReadModels } from '@app/read-models';
import { fmt } from './latency';
import { progress } from './reports-timing';

/**
 * The read models of the bench log, rebuilt from it (as `npm run dossier -- rebuild` does), then the database
 * checkpointed and analysed. On a kept database (bench-postgres.ts) a rebuild finished by an earlier run is reused:
 * recorded in `bench_log.rebuilt`.
 */
export async function benchReadModels(pool: Pool, store: EventStore): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS bench_log;
    CREATE TABLE IF NOT EXISTS bench_log.rebuilt (events bigint NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await pool.query<{ events: string }>('SELECT events::text FROM bench_log.rebuilt');
  if (rows[0]) {
    console.log(`reusing the kept read models: rebuilt from ${fmt(Number(rows[0].events))} events`);
    return;
  }
  await pool.query('CHECKPOINT');
  const shown = progress('rebuilding');
  const rebuild = await rebuildReadModels({ pool, store, onProgress: (p) => shown(p.events, 'events') });
  console.log(`rebuild: ${fmt(rebuild.events)} events in ${fmt(rebuild.seconds, 1)} s (not a target)`);
  await pool.query('CHECKPOINT');
  await pool.query('VACUUM ANALYZE');
  await pool.query('INSERT INTO bench_log.rebuilt (events) VALUES ($1)', [rebuild.events]);
}
