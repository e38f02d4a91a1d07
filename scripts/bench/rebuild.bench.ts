import 'reflect-metadata';
import os from 'node:os';
import v8 from 'node:v8';
import type { Pool } from 'pg';
import { EVENT_STORE_MIGRATIONS, type EventStore, createEventStore } from '@app/event-store';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { READ_MODEL_MIGRATIONS, type RebuildReport, UnitRouter, rebuildReadModels } from '@app/read-models';
import { readModelSnapshot } from '@app/read-models/testing';
import { parseArguments } from '../cli/command';
import { appendBenchLog, benchLogLine } from './support/bench-log';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, table } from './support/latency';
import { machineLine } from './support/machine';
import { progress } from './support/reports-timing';
import { serverCpuSeconds } from './support/server-cpu';

/**
 * `npm run bench:rebuild [-- --dossiers 200000] [--seed 1] [--rounds 2] [--workers 2]`: the bench log of bench:reports,
 * then full rebuilds of the read models alternated, one worker (this process alone) then K worker threads
 * partitioned by receiving unit, `--rounds` times each. For each: the filling (the part done in parallel) and the
 * rest (indexes, last catch-up, switch-over), events/s, and the CPU seconds of this process (its threads included)
 * and of the PostgreSQL server per million events. The speed-up is the K-worker filling rate over the one-worker
 * rate. Anchor in the same run: the bare read of the log as the rebuild reads it (payload pages, one connection).
 * and the partitioned rebuild's reading thread alone (read, route, serialise: its ceiling). The load average (other
 * work on the host) is printed beside each run. The read models of the last K-worker rebuild are checked equal to
 * those of the last one-worker rebuild.
 */
const { options } = parseArguments(process.argv.slice(2));
const DOSSIERS = Number(options.dossiers ?? 200_000);
const SEED = Number(options.seed ?? 1);
const ROUNDS = Number(options.rounds ?? 2);
const WORKERS = Number(options.workers ?? 2);

interface Run {
  workers: number;
  load: number;
  fill: RebuildReport;
  rest: number;
  nodeCpu: number;
  serverCpu: number | undefined;
}

async function bareRead(store: EventStore): Promise<{ events: number; seconds: number }> {
  const started = nowMs();
  let page = await store.readAllPayloads({ limit: 10_000 });
  let events = 0;
  while (page.events.length > 0) {
    events += page.events.length;
    page = await store.readAllPayloads({ after: page.checkpoint, limit: 10_000 });
  }
  return { events, seconds: (nowMs() - started) / 1000 };
}

/**
 * The partitioned rebuild's reading thread alone, workers left out: the same pages read, routed to the partitions and
 * serialised as postMessage serialises them. Its rate is the ceiling of a partitioned rebuild however many workers.
 */
async function coordinatorAlone(store: EventStore, workers: number): Promise<{ events: number; seconds: number }> {
  const started = nowMs();
  const router = new UnitRouter(
    store,
    Array.from({ length: workers }, () => ({ units: [], eventsProjected: 0 })),
  );
  let page = await store.readAllPayloads({ limit: 10_000 });
  router.plan(page.events);
  let events = 0;
  while (page.events.length > 0) {
    const next = store.readAllPayloads({ after: page.checkpoint, limit: 10_000 });
    for (const share of (await router.route(page.events)).shares) v8.serialize(share);
    events += page.events.length;
    page = await next;
  }
  return { events, seconds: (nowMs() - started) / 1000 };
}

async function rebuild(pool: Pool, store: EventStore, url: string, workers: number): Promise<Run> {
  await pool.query('CHECKPOINT');
  const shown = progress(`rebuild, ${workers} worker${workers > 1 ? 's' : ''}`);
  const cpu = process.cpuUsage();
  const server = await serverCpuSeconds(pool);
  const fill = await rebuildReadModels({
    pool,
    store,
    url,
    workers,
    switchOver: false,
    onProgress: (p) => shown(p.events, 'events'),
  });
  const load = os.loadavg()[0] ?? 0;
  const started = nowMs();
  await rebuildReadModels({ pool, store });
  const rest = (nowMs() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const serverAfter = await serverCpuSeconds(pool);
  return {
    workers,
    load,
    fill,
    rest,
    nodeCpu: (used.user + used.system) / 1e6,
    serverCpu: server === undefined || serverAfter === undefined ? undefined : serverAfter - server,
  };
}

async function main(): Promise<void> {
  const bench = await openBenchDatabase();
  const database = await openDatabase(loadConfig({ DATABASE_URL: bench.url, DATABASE_POOL_SIZE: '8' }));
  try {
    await runMigrations(database.pool, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
    const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
    console.log(`Rebuild bench: ${benchLogLine(DOSSIERS, SEED)}\n${machineLine()}\n${bench.where}\n`);
    const appended = await appendBenchLog(store, { dossiers: DOSSIERS, seed: SEED });
    await database.pool.query('VACUUM ANALYZE event_store.events');

    const read = await bareRead(store);
    const coordinator = await coordinatorAlone(store, WORKERS);
    const runs: Run[] = [];
    const snapshots = new Map<number, Awaited<ReturnType<typeof readModelSnapshot>>>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const workers of [1, WORKERS]) {
        runs.push(await rebuild(database.pool, store, bench.url, workers));
        if (round === ROUNDS - 1) snapshots.set(workers, await readModelSnapshot(database.pool));
      }
    }
    const equal = JSON.stringify(snapshots.get(1)) === JSON.stringify(snapshots.get(WORKERS));
    snapshots.clear();

    const rate = (r: Run) => r.fill.events / r.fill.seconds;
    const perMillion = (seconds: number | undefined, r: Run) =>
      seconds === undefined ? 'n/a' : fmt((seconds * 1e6) / (r.fill.events || 1), 1);
    const mean = (workers: number) => {
      const mine = runs.filter((r) => r.workers === workers);
      return mine.reduce((sum, r) => sum + rate(r), 0) / mine.length;
    };
    console.log(
      `\n${table(
        [
          'rebuild',
          'load average',
          'filling: s',
          'filling: events/s',
          'indexes + catch-up + switch: s',
          'CPU s per 1M events: Node / PostgreSQL',
        ],
        runs.map((r) => [
          `${r.workers} worker${r.workers > 1 ? 's' : ''}`,
          fmt(r.load, 1),
          fmt(r.fill.seconds, 1),
          fmt(rate(r)),
          fmt(r.rest, 1),
          `${perMillion(r.nodeCpu, r)} / ${perMillion(r.serverCpu, r)}`,
        ]),
      )}`,
    );
    console.log(
      `\n${table(
        ['measure', 'value'],
        [
          ['events in the log / dossiers', `${fmt(appended.events)} / ${fmt(appended.streams)}`],
          ['filling, 1 worker: events/s (mean)', fmt(mean(1))],
          [`filling, ${WORKERS} workers: events/s (mean)`, fmt(mean(WORKERS))],
          [`speed-up ${WORKERS} / 1`, `${fmt(mean(WORKERS) / mean(1), 2)}×`],
          [
            'anchor: bare read of the log, payload pages of 10,000, one connection (events/s)',
            fmt(read.events / read.seconds),
          ],
          [
            `anchor: the partitioned rebuild's reading thread alone (read, route, serialise for ${WORKERS} workers), events/s`,
            fmt(coordinator.events / coordinator.seconds),
          ],
          [`read models of ${WORKERS} workers equal those of 1`, equal ? 'yes' : 'NO'],
        ],
      )}`,
    );
    await store.close();
    if (!equal) process.exitCode = 1;
  } finally {
    await database.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
