import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@app/event-store';
import { KafkaMessaging } from '@app/messaging';
import { runMigrations } from '@app/platform/pg';
import { Projector, READ_MODEL_MIGRATIONS } from '@app/read-models';
import { EventRelay } from '@app/relay';
import { startLocalKafka } from '../kafka/kafka-broker';
import { parseArguments } from '../cli/command';
import { benchClerkToken } from './support/bench-clerk';
import { appendBenchLog, benchLogLine } from './support/bench-log';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, table } from './support/latency';
import { machineLine } from './support/machine';
import { RECEIPT_UNITS, receiptLoad } from './support/receipt-load';
import { startStandalone } from './support/standalone-process';
import { type WalBytes, measureWal, tableBytes } from './support/wal-meter';

/**
 * `npm run bench:sizing [-- --seconds 10] [--dossiers 20000] [--seed 1]`: the figures docs/scaling.md sizes from.
 *   1. Receipts through the real intake (the standalone app, its projector included; 16 connections for `--seconds`,
 *      without and with a sealed applicant): WAL bytes and database bytes per receipt.
 *   2. The bench log of bench:reports (`--dossiers`, whole lifecycles: receipts, transfers, supplements, results,
 *      returns) appended through the EventStore port with the live projector following: WAL bytes per event, and
 *      table + index bytes per event and per dossier of the event store and of the read models.
 *   3. That log relayed to a Kafka topic (apps/relay on a local broker, or KAFKA_BROKERS) and read back: message
 *      bytes (key + value + headers) and bytes on the broker's disk per event.
 * WAL is measured from a CHECKPOINT (full-page images included: the upper bound; the records alone: the lower).
 */
const { options } = parseArguments(process.argv.slice(2));
const SECONDS = Number(options.seconds ?? 10);
const DOSSIERS = Number(options.dossiers ?? 20_000);
const SEED = Number(options.seed ?? 1);

const perUnit = (w: WalBytes, n: number) =>
  `${fmt(w.total / n)} (records ${fmt(w.records / n)}, full-page images ${fmt(w.fullPageImages / n)})`;

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function intakeFigures(): Promise<string[][]> {
  const app = await startStandalone({ DATABASE_POOL_SIZE: '40' });
  const pool = new Pool({ connectionString: app.databaseUrl(), max: 2 });
  const rows: string[][] = [];
  try {
    const auth = { authorization: `Bearer ${await benchClerkToken(app, RECEIPT_UNITS)}` };
    const count = async () => {
      const { rows: r } = await pool.query<{ streams: string; projected: string; size: string }>(
        `SELECT (SELECT count(*) FROM event_store.streams WHERE stream_id LIKE 'dossier-%' AND version > 0)::text AS streams,
                (SELECT count(*) FROM read_models.dossiers)::text AS projected, pg_database_size(current_database())::text AS size`,
      );
      return { streams: Number(r[0]?.streams), projected: Number(r[0]?.projected), size: Number(r[0]?.size) };
    };
    for (const applicants of [false, true]) {
      const before = await count();
      const [, wal] = await measureWal(pool, async () => {
        await receiptLoad(app.url, auth, 16, SECONDS, { applicants });
        await waitFor(async () => {
          const now = await count();
          return now.projected === now.streams;
        }, 120);
      });
      const after = await count();
      const receipts = after.streams - before.streams;
      const name = applicants ? 'receipt with a sealed applicant' : 'receipt (no applicant)';
      rows.push([`WAL bytes per ${name}, ${fmt(receipts)} receipts`, perUnit(wal, receipts)]);
      rows.push([`database bytes per ${name} (pg_database_size)`, fmt((after.size - before.size) / receipts)]);
    }
  } finally {
    await pool.end();
    await app.stop();
  }
  return rows;
}

async function logFigures(): Promise<string[][]> {
  const bench = await openBenchDatabase();
  const pool = new Pool({ connectionString: bench.url, max: 12 });
  const store = new PostgresEventStore({ pool });
  const rows: string[][] = [];
  const broker = process.env.KAFKA_BROKERS
    ? null
    : await startLocalKafka({ quickJit: false, heap: '512m', partitions: 6 });
  const messaging = new KafkaMessaging({
    brokers: broker?.brokers ?? (process.env.KAFKA_BROKERS as string).split(','),
    clientId: 'sizing-bench',
  });
  try {
    await runMigrations(pool, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
    const projector = new Projector({ pool, store, batchSize: 5000 });
    projector.start();
    const [appended, wal] = await measureWal(pool, async () => {
      const appended = await appendBenchLog(store, { dossiers: DOSSIERS, seed: SEED });
      await projector.caughtUp();
      return appended;
    });
    await projector.stop();
    await pool.query('VACUUM ANALYZE');
    const { events, streams: dossiers } = appended;
    rows.push([`WAL bytes per event, append + live projection (${fmt(events)} events)`, perUnit(wal, events)]);
    for (const schema of ['event_store', 'read_models']) {
      const tables = (await tableBytes(pool, schema)).filter((t) => t.bytes > 64 * 1024);
      const total = tables.reduce((sum, t) => sum + t.bytes, 0);
      rows.push([
        `${schema}: table + index bytes per event / per dossier`,
        `${fmt(total / events)} / ${fmt(total / dossiers)} (${tables.map((t) => `${t.table} ${fmt(t.bytes / 2 ** 20, 1)} MiB`).join(', ')})`,
      ]);
    }

    await messaging.ensureTopic('sizing', { partitions: 6 });
    const relay = new EventRelay({
      pool,
      store,
      publisher: () => messaging.publisher(),
      topic: 'sizing',
      consumer: 'sizing',
      batchSize: 2000,
    });
    relay.start();
    await relay.caughtUp();
    await relay.stop();
    let read = 0;
    let bytes = 0;
    const consumer = messaging.consumer({
      groupId: 'sizing-readers',
      topics: ['sizing'],
      handle: async (batch) => {
        for (const m of batch.messages) {
          read++;
          bytes += Buffer.byteLength(m.key ?? '') + (m.value?.length ?? 0);
          for (const [k, v] of Object.entries(m.headers)) bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
        }
      },
    });
    await consumer.start();
    await waitFor(async () => read >= events, 180);
    await consumer.stop();
    rows.push([`Kafka message bytes per event (key + value + headers, ${fmt(read)} read back)`, fmt(bytes / read)]);
    if (broker) {
      const onDisk = fs
        .readdirSync(broker.dataDir)
        .filter((d) => d.startsWith('sizing-'))
        .flatMap((d) => fs.readdirSync(path.join(broker.dataDir, d)).map((f) => path.join(broker.dataDir, d, f)))
        .filter((f) => f.endsWith('.log'))
        .reduce((sum, f) => sum + fs.statSync(f).size, 0);
      rows.push(['Kafka bytes on the broker disk per event (segment files, one replica)', fmt(onDisk / events)]);
    }
    rows.unshift([`bench log`, `${benchLogLine(DOSSIERS, SEED)}: ${fmt(events)} events, ${fmt(dossiers)} dossiers`]);
  } finally {
    await messaging.close();
    await store.close();
    await pool.end();
    await broker?.stop();
    await bench.close();
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`Sizing bench — ${new Date().toISOString()}\n${machineLine()}\n`);
  const rows = [...(await intakeFigures()), ...(await logFigures())];
  console.log(`\n${table(['measure', 'value'], rows)}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
