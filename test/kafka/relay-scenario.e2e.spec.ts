import type { INestMicroservice } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { EVENT_HEADERS, KafkaMessaging, MESSAGING_MIGRATIONS } from '@app/messaging';
import { runMigrations } from '@app/platform';
import { ProjectorService } from '@app/projector';
import { RelayService } from '@app/relay';
import { HUE_2020_Q3 } from '../../scripts/scenario/hue-2020-q3.scenario';
import { simulate } from '../../scripts/scenario/simulate';
import { type SuiteKafka, describeKafka, kafkaForSuite } from '../setup/kafka-broker';
import { type TestApp, createTestApp } from '../support/test-app';
import { EventCollector } from './support/event-collector';
import { compareWithStore, readWholeLog } from './support/log-assertions';
import { startNestEventsConsumer } from './support/nest-events-consumer';

/**
 * Acceptance 1 (issue 8): the standalone app with KAFKA_BROKERS runs the relay; the Huế scenario at a small scale
 * goes through the intake, the relay publishes the log, and consumer groups read every event of every dossier
 * exactly once, in stream order, without a gap — once through the kafkajs adapter, once through Nest's ServerKafka.
 */
describeKafka('relay: the Huế scenario through a real Kafka broker', () => {
  let kafka: SuiteKafka;
  let testApp: TestApp;
  let topic: string;
  let messaging: KafkaMessaging;
  let nestConsumer: INestMicroservice | undefined;
  let log: RecordedEvent[];

  beforeAll(async () => {
    kafka = await kafkaForSuite();
    topic = kafka.topic('dossier-events');
    testApp = await createTestApp({
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_TOPIC: topic,
      KAFKA_TOPIC_PARTITIONS: '4',
      RELAY_BATCH_SIZE: '500',
    });
    await runMigrations(testApp.database.pool, MESSAGING_MIGRATIONS);
    messaging = new KafkaMessaging({ brokers: kafka.brokers, clientId: 'relay-scenario-test' });
  }, 120_000);

  afterAll(async () => {
    await nestConsumer?.close();
    await messaging?.close();
    await testApp?.close();
    await kafka?.stop();
  }, 60_000);

  it('relays the scenario: each dossier read once, in stream order, no gap, no duplicate', async () => {
    const report = await simulate(testApp.app, { definition: HUE_2020_Q3, seed: 8, scale: 0.01 });
    expect(report.planned).toBeGreaterThan(500);
    const relay = testApp.app.get(RelayService).relay;
    // The projector's transactions run alongside: until one ends, the gap-safe log holds back events committed
    // after it began. Catch up again until the relay has published the whole log.
    await testApp.app.get(ProjectorService).projector.caughtUp();
    const deadline = Date.now() + 30_000;
    do {
      await relay.caughtUp();
      log = await readWholeLog(testApp.app.get<EventStore>(EVENT_STORE));
    } while (relay.status().eventsRelayed < log.length && Date.now() < deadline);
    expect(log.length).toBeGreaterThan(1500);
    expect(relay.status()).toMatchObject({ state: 'running', topic, eventsRelayed: log.length });

    const collector = new EventCollector({
      messaging,
      pool: testApp.database.pool,
      topic,
      groupId: 'scenario-readers',
    });
    await collector.start();
    await collector.waitFor(log.length, 60_000);
    await collector.stop();

    const comparison = compareWithStore(log, collector.handled);
    expect(comparison.problems).toEqual([]);
    expect(comparison.streams).toBeGreaterThan(400);
    expect(collector.handled).toHaveLength(log.length);
    // A clean run publishes each event once (idempotent producer): nothing for the dedupe to drop.
    if (relay.status().restarts === 0) expect(collector.duplicates).toBe(0);
    // Per partition, offsets rise with each stream's positions: one dossier's events never overtake each other.
    const lastPosition = new Map<string, number>();
    for (const d of collector.deliveries) {
      expect(d.streamPosition).toBeGreaterThan(lastPosition.get(d.streamId) ?? 0);
      lastPosition.set(d.streamId, d.streamPosition);
    }
    const partitionsOf = new Map<string, Set<number>>();
    for (const d of collector.deliveries)
      partitionsOf.set(d.streamId, (partitionsOf.get(d.streamId) ?? new Set()).add(d.partition));
    expect([...partitionsOf.values()].every((p) => p.size === 1)).toBe(true);
    expect(new Set(collector.deliveries.map((d) => d.partition)).size).toBe(4);
  }, 180_000);

  it('sends key = stream id and the headers consumers route on', async () => {
    const seen: { key: string | null; headers: Record<string, string> }[] = [];
    const consumer = messaging.consumer({
      groupId: 'header-readers',
      topics: [topic],
      handle: async (batch) => {
        seen.push(...batch.messages.map((m) => ({ key: m.key, headers: m.headers })));
      },
    });
    await consumer.start();
    const deadline = Date.now() + 30_000;
    while (seen.length < log.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await consumer.stop();
    expect(seen).toHaveLength(log.length);
    const byPosition = new Map(log.map((e) => [`${e.streamId}@${e.streamPosition}`, e]));
    for (const { key, headers } of seen) {
      const event = byPosition.get(`${key}@${headers[EVENT_HEADERS.streamPosition]}`);
      expect(event).toBeDefined();
      expect(headers).toEqual({
        [EVENT_HEADERS.type]: event?.type,
        [EVENT_HEADERS.schemaVersion]: String(event?.schemaVersion),
        [EVENT_HEADERS.streamPosition]: String(event?.streamPosition),
        [EVENT_HEADERS.globalPosition]: String(event?.globalPosition),
        [EVENT_HEADERS.transactionId]: event?.transactionId,
        ...(event?.metadata.correlationId ? { [EVENT_HEADERS.correlationId]: event.metadata.correlationId } : {}),
      });
    }
    // The intake gives every command a correlation id: the dossiers' events carry it.
    expect(seen.filter((m) => m.headers[EVENT_HEADERS.correlationId]).length).toBeGreaterThan(log.length / 2);
  }, 60_000);

  it('is read the same through @nestjs/microservices (ServerKafka, @EventPattern, manual commits)', async () => {
    const sink: RecordedEvent[] = [];
    nestConsumer = await startNestEventsConsumer({
      brokers: kafka.brokers,
      topic,
      groupId: 'nest-readers',
      pool: testApp.database.pool,
      sink,
    });
    const deadline = Date.now() + 90_000;
    while (sink.length < log.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(compareWithStore(log, sink).problems).toEqual([]);
  }, 120_000);
});
