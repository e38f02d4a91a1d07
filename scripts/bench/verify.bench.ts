import 'reflect-metadata';
import { hash } from 'node:crypto';
import os from 'node:os';
import type { Pool } from 'pg';
import {
  EVENT_STORE_MIGRATIONS,
  type LogVerification,
  type PostgresEventStore,
  createEventStore,
} from '@app/event-store';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { parseArguments } from '../cli/command';
import { readBinaryCopy } from '@app/platform/pg';
import { appendBenchLog, benchKeep, benchLogLine, sealBenchLog } from './support/bench-log';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, table } from './support/latency';
import { machineLine } from './support/machine';
import { progress } from './support/reports-timing';

/**
 * `npm run bench:verify [-- --dossiers 1000000] [--seed 1] [--unsealed 50000] [--keep DIR]`: the bench log of bench:reports (the
 * dossiers' events through the domain, in time order, with the intake's metadata), sealed as the sealer of `npm
 * start` seals it (pieces of 100,000 events) except its newest events, then `verify` of the whole log (EventStore
 * .verifyLog: every event's hash, links and heads, the seals re-hashed, the witnesses). Target (issue 12):
 * ≥ 200,000 events/s. Anchors measured in the same run: the bare read of the same rows and columns (through node-pg's
 * rows, and as one binary COPY as verify reads them, both with no checking), and sha256 over the same bytes on one
 * thread. `--keep DIR` keeps the log (and its seals) for the next run and for bench:export / bench:dashboard(-page).
 */
const { options } = parseArguments(process.argv.slice(2));
const DOSSIERS = Number(options.dossiers ?? 1_000_000);
const SEED = Number(options.seed ?? 1);
const UNSEALED = Number(options.unsealed ?? 50_000);
const PAGE = 10_000;

/** The rows verify reads, read and dropped: one connection, the same pages, no checking. */
async function bareRead(pool: Pool): Promise<{ events: number; bytes: number; seconds: number; sample: string[] }> {
  const started = nowMs();
  let after: [string, string] = ['0', '0'];
  let events = 0;
  let bytes = 0;
  const sample: string[] = [];
  for (;;) {
    const { rows } = await pool.query<string[]>({
      text: `SELECT e.transaction_id::text, e.global_position::text, (extract(epoch FROM e.recorded_at) * 1000000)::int8::text, e.stream_id,
               e.stream_position::text, e.type, e.schema_version::text, e.data::text, e.metadata::text, e.hash, e.prev_hash
             FROM event_store.events AS e WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::int8)
             ORDER BY e.transaction_id, e.global_position LIMIT $3`,
      values: [after[0], after[1], PAGE],
      rowMode: 'array',
      types: { getTypeParser: () => (value: string) => value },
    } as never);
    for (const row of rows) {
      bytes += (row[7]?.length ?? 0) + (row[8]?.length ?? 0);
      if (sample.length < 200_000) sample.push(`${row[7]}${row[8]}`);
    }
    events += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) break;
    after = [last[0] as string, last[1] as string];
  }
  return { events, bytes, seconds: (nowMs() - started) / 1000, sample };
}

/** The same rows as verify reads them (one binary COPY in log order, binary-copy.ts), read and dropped. */
async function bareCopy(pool: Pool): Promise<{ events: number; seconds: number }> {
  const started = nowMs();
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(
      'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off',
    );
    const events = await readBinaryCopy(
      client,
      `SELECT e.transaction_id, e.global_position, e.recorded_at, e.stream_id, e.stream_position, e.type,
         e.schema_version, e.data::text, e.metadata::text, e.hash, e.prev_hash, hashtext(e.stream_id) & 4095
       FROM event_store.events AS e ORDER BY e.transaction_id, e.global_position`,
      12,
      () => undefined,
    );
    await client.query('COMMIT');
    return { events, seconds: (nowMs() - started) / 1000 };
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const bench = await openBenchDatabase(benchKeep(options, { dossiers: DOSSIERS, seed: SEED }));
  const database = await openDatabase(loadConfig({ DATABASE_URL: bench.url, DATABASE_POOL_SIZE: '8' }));
  try {
    await runMigrations(database.pool, EVENT_STORE_MIGRATIONS);
    const store = (await createEventStore({
      kind: 'postgres',
      pool: database.pool,
      migrate: false,
    })) as PostgresEventStore;
    console.log(`Verify bench: ${benchLogLine(DOSSIERS, SEED)}\n${machineLine()}\n${bench.where}\n`);

    const appended = await appendBenchLog(store, { dossiers: DOSSIERS, seed: SEED, pool: database.pool });

    // Sealed as the sealer would have sealed it, but for the newest events (the unsealed tail verify checks too).
    const started = nowMs();
    const { sealed: sealedEvents, seals } = await sealBenchLog(store, database.pool, appended.events, UNSEALED);
    console.log(
      `sealed ${fmt(sealedEvents)} events (${seals} seals taken now) in ${fmt((nowMs() - started) / 1000, 1)} s (not a target)`,
    );
    await database.pool.query('CHECKPOINT');
    await database.pool.query('VACUUM ANALYZE event_store.events');

    // Anchors, on the same rows: the bare read (what any check must at least pay), sha256 over the same bytes.
    const read = await bareRead(database.pool);
    const copied = await bareCopy(database.pool);
    const sampleBytes = read.sample.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
    let shaStarted = nowMs();
    for (const text of read.sample) hash('sha256', text, 'hex');
    const shaSeconds = (((nowMs() - shaStarted) / 1000) * read.bytes) / Math.max(1, sampleBytes);
    read.sample.length = 0;
    shaStarted = 0;

    const runs: LogVerification[] = [];
    for (let run = 0; run < 2; run++) {
      const verifying = progress(`verify run ${run + 1}`);
      runs.push(await store.verifyLog({ onProgress: (done) => verifying(done, 'events') }));
    }
    const best = runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const rate = (r: { eventsChecked?: number; events?: number; seconds: number }): number =>
      (r.eventsChecked ?? r.events ?? 0) / r.seconds;
    console.log(
      `\n${table(
        ['measure', 'value', 'target'],
        [
          [
            'events in the log / sealed / unsealed',
            `${fmt(best.eventsChecked)} / ${fmt(best.eventsChecked - best.unsealedEvents)} / ${fmt(best.unsealedEvents)}`,
            '',
          ],
          [
            `verify (whole log, ${Math.min(4, os.cpus().length)} workers): s, two runs`,
            runs.map((r) => fmt(r.seconds, 1)).join(' / '),
            '',
          ],
          ['verify: events/s (best run)', fmt(rate(best)), '≥ 200,000'],
          ['verify: intact', runs.every((r) => r.ok) ? 'yes' : `NO: ${best.problems[0]?.detail ?? ''}`, 'yes'],
          ['anchor: bare read of the same rows, one connection (events/s)', fmt(rate(read)), ''],
          [
            `anchor: sha256 of the same data+metadata bytes (${fmt(read.bytes / 2 ** 20)} MiB), one thread (events/s)`,
            fmt(read.events / shaSeconds),
            '',
          ],
          ['anchor: bare binary COPY of the same rows, one connection (events/s)', fmt(rate(copied)), ''],
          ['verify / bare read', `${fmt(rate(best) / rate(read), 2)}×`, ''],
          ['verify / bare binary COPY', `${fmt(rate(best) / rate(copied), 2)}×`, ''],
        ],
      )}`,
    );
    await store.close();
    if (!runs.every((r) => r.ok)) process.exitCode = 1;
  } finally {
    await database.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
