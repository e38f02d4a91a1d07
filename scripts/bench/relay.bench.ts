/**
 * `npm run bench:relay`: the Kafka relay (apps/relay) on a real broker.
 *   1. throughput: a backlog of N events in the PostgreSQL log, relayed from the start; events/s until the relay's
 *      checkpoint reaches the end (every batch acknowledged by the broker, then checkpointed); a consumer group
 *      then reads the topic back and counts.
 *   2. latency: appends at 1,000 events/s (one event per append, open loop) with the relay live; append → consumed
 *      by a consumer group, p50/p99.
 * Starts an embedded PostgreSQL unless DATABASE_URL is set, and a local Kafka broker unless KAFKA_BROKERS is set.
 * Options: --quick (smaller), --events N, --batch N (relay page size), --rate N, --seconds N.
 */
import os from 'node:os';
import { Pool } from 'pg';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, START, saveCheckpoint } from '@app/event-store';
import { KafkaMessaging } from '@app/messaging';
import { runMigrations } from '@app/platform/pg';
import { EventRelay } from '@app/relay';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, percentile, table } from './support/latency';
import { machineLine } from './support/machine';
import { openBenchKafka } from './support/relay-kafka';
import { fillLog, pacedAppends } from './support/relay-load';

const quick = process.argv.includes('--quick');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('--events', quick ? 50_000 : 200_000);
const BATCH = arg('--batch', 2_000);
const RATE = arg('--rate', 1_000);
const SECONDS = arg('--seconds', quick ? 5 : 15);
const TARGET_THROUGHPUT = 20_000;
const TARGET_P99_MS = 500;

async function main(): Promise<void> {
  const runStarted = nowMs();
  const database = await openBenchDatabase();
  const kafka = await openBenchKafka();
  const pool = new Pool({ connectionString: database.url, max: 24 });
  pool.on('error', () => undefined);
  const store = new PostgresEventStore({ pool });
  const messaging = new KafkaMessaging({ brokers: kafka.brokers, clientId: 'relay-bench' });
  const relayOf = (topic: string, consumer: string) =>
    new EventRelay({ pool, store, publisher: () => messaging.publisher(), topic, consumer, batchSize: BATCH });
  try {
    await runMigrations(pool, EVENT_STORE_MIGRATIONS);
    process.stderr.write(`filling the log with ${fmt(EVENTS)} events…\n`);
    const fillSeconds = await fillLog(store, EVENTS);
    await messaging.ensureTopic('bench-backlog', { partitions: 6 });

    // 1. throughput
    process.stderr.write('relaying the backlog…\n');
    const relay = relayOf('bench-backlog', 'bench-backlog');
    const loadBefore = os.loadavg()[0] ?? 0;
    const cpuBefore = process.cpuUsage();
    const started = nowMs();
    relay.start();
    await relay.caughtUp();
    const relaySeconds = (nowMs() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const relayCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const loadAfter = os.loadavg()[0] ?? 0;
    const relayed = relay.status().eventsRelayed;
    await relay.stop();
    process.stderr.write('reading the topic back…\n');
    const readBack = await readTopic(messaging, 'bench-backlog', relayed);

    // 2. latency at a steady rate, relay live, on a fresh topic whose relay starts at the end of the log
    const end = await endOfLog(store);
    await saveCheckpoint(pool, 'bench-live', end);
    await messaging.ensureTopic('bench-live', { partitions: 6 });
    const live = relayOf('bench-live', 'bench-live');
    live.start();
    const latencies: number[] = [];
    const consumer = messaging.consumer({
      groupId: 'bench-live-readers',
      topics: ['bench-live'],
      handle: async (batch) => {
        const now = performance.timeOrigin + performance.now();
        for (const m of batch.messages)
          latencies.push(now - (JSON.parse(String(m.value)) as { data: { sentAt: number } }).data.sentAt);
      },
    });
    await consumer.start();
    await live.caughtUp();
    process.stderr.write(`appending at ${fmt(RATE)} events/s for ${SECONDS} s…\n`);
    const appended = await pacedAppends(store, { rate: RATE, seconds: SECONDS, streams: 500 });
    const deadline = Date.now() + 30_000;
    while (latencies.length < appended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await consumer.stop();
    await live.stop();
    const sorted = [...latencies].sort((a, b) => a - b);

    const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    console.log(`\nRelay bench — ${new Date().toISOString()}`);
    console.log(`machine: ${machineLine()}`);
    console.log(`database: ${database.where}`);
    console.log(`broker: ${kafka.where}; topics of 6 partitions; idempotent producer, acks=all`);
    console.log(`log filled with ${fmt(EVENTS)} events in ${fmt(fillSeconds, 1)} s; relay page ${fmt(BATCH)} events`);
    console.log(
      `during the relay run: load average ${fmt(loadBefore, 1)} → ${fmt(loadAfter, 1)} on ${os.cpus().length} cores; the relay (this process) used ` +
        `${fmt(relayCpuSeconds, 2)} CPU-s = ${fmt(relayed / relayCpuSeconds)} events per CPU-second (its ceiling with a core to itself)\n`,
    );
    console.log(
      table(
        ['measure', 'events', 'result', 'target'],
        [
          [
            'relay throughput (backlog → acknowledged + checkpointed)',
            fmt(relayed),
            `${fmt(relayed / relaySeconds)} events/s (${fmt(relaySeconds, 2)} s)`,
            `≥ ${fmt(TARGET_THROUGHPUT)}/s ${verdict(relayed / relaySeconds >= TARGET_THROUGHPUT)}`,
          ],
          [
            'consumer group read-back (kafkajs, manual commits)',
            fmt(readBack.count),
            `${fmt(readBack.count / readBack.seconds)} events/s`,
            readBack.count >= relayed ? 'all read' : 'MISSING',
          ],
          [
            `append → consumed at ${fmt(RATE)} events/s, p50`,
            fmt(latencies.length),
            `${fmt(percentile(sorted, 50), 1)} ms`,
            '',
          ],
          [
            `append → consumed at ${fmt(RATE)} events/s, p99`,
            fmt(latencies.length),
            `${fmt(percentile(sorted, 99), 1)} ms`,
            `≤ ${TARGET_P99_MS} ms ${verdict(percentile(sorted, 99) <= TARGET_P99_MS)}`,
          ],
          [
            `append → consumed at ${fmt(RATE)} events/s, max`,
            fmt(latencies.length),
            `${fmt(sorted[sorted.length - 1] ?? 0, 1)} ms`,
            appended === latencies.length ? 'all consumed' : `${fmt(appended - latencies.length)} NOT consumed`,
          ],
        ],
      ),
    );
    console.log(`whole run: ${fmt((nowMs() - runStarted) / 1000, 1)} s`);
  } finally {
    await messaging.close();
    await store.close();
    await pool.end();
    await kafka.close();
    await database.close();
  }
}

async function endOfLog(store: PostgresEventStore) {
  let after = START;
  for (;;) {
    const page = await store.readAll({ after, limit: 10_000 });
    if (page.events.length === 0) return after;
    after = page.checkpoint;
  }
}

async function readTopic(
  messaging: KafkaMessaging,
  topic: string,
  expected: number,
): Promise<{ count: number; seconds: number }> {
  let count = 0;
  const started = nowMs();
  const consumer = messaging.consumer({
    groupId: `${topic}-readers`,
    topics: [topic],
    partitionsConsumedConcurrently: 3,
    handle: async (batch) => void (count += batch.messages.length),
  });
  await consumer.start();
  const deadline = Date.now() + 120_000;
  while (count < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const seconds = (nowMs() - started) / 1000;
  await consumer.stop();
  return { count, seconds };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
