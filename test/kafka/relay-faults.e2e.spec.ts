import { Pool } from 'pg';
import { EVENT_STORE_MIGRATIONS, type EventStore, PostgresEventStore, loadCheckpoint } from '@app/event-store';
import { KafkaMessaging, MESSAGING_MIGRATIONS } from '@app/messaging';
import { runMigrations } from '@app/platform';
import { type SuiteKafka, describeKafka, kafkaForSuite } from '../setup/kafka-broker';
import { type TestDatabase, createTestDatabase } from '@app/platform/testing';
import { EventCollector } from './support/event-collector';
import { dossierEvents, startWriter } from './support/event-writer';
import { compareWithStore, readWholeLog } from './support/log-assertions';
import { RelayProcess } from './support/relay-process';

/**
 * Acceptance 2 (issue 8): the relay, a child process, is SIGKILLed twice while it publishes — once in the middle
 * of a backlog, once while the broker is down (restarted once) and a batch waits for an acknowledgement that never
 * comes — while writers keep appending. At the end the topic holds every event of the store (duplicates allowed:
 * the dedupe helper drops them), none missing, each stream in order. A relay that saved its checkpoint before the
 * broker's acknowledgement loses the second kill's batch and fails here.
 */
describeKafka(
  'relay faults: SIGKILL twice, broker restart once, nothing lost',
  () => {
    let kafka: SuiteKafka;
    let database: TestDatabase;
    let pool: Pool;
    let store: EventStore;
    let messaging: KafkaMessaging;
    let topic: string;
    const relays: RelayProcess[] = [];

    beforeAll(async () => {
      kafka = await kafkaForSuite({ local: true });
      topic = kafka.topic('dossier-events');
      database = await createTestDatabase();
      pool = new Pool({ connectionString: database.url, max: 12 });
      pool.on('error', () => undefined); // an idle connection dropped by the server; queries still report errors
      await runMigrations(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS]);
      store = new PostgresEventStore({ pool });
      messaging = new KafkaMessaging({ brokers: kafka.brokers, clientId: 'relay-faults-test' });
      await messaging.ensureTopic(topic, { partitions: 3 });
    }, 120_000);

    afterAll(async () => {
      await Promise.all(relays.map((r) => r.kill()));
      await messaging?.close();
      await store?.close();
      await pool?.end();
      await database?.drop();
      await kafka?.stop();
    }, 60_000);

    /** Until the relay's count stops moving while the writers go on (its publish is stuck). */
    const waitForStall = async (relay: RelayProcess): Promise<void> => {
      let last = -1;
      while (relay.relayed !== last) {
        last = relay.relayed;
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
    };

    const startRelay = (): RelayProcess => {
      const relay = new RelayProcess({
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: '4',
        KAFKA_BROKERS: kafka.brokers.join(','),
        KAFKA_TOPIC: topic,
        RELAY_BATCH_SIZE: '100',
      });
      relays.push(relay);
      return relay;
    };

    it('publishes every event at least once, and the dedupe helper restores exactly once in order', async () => {
      // A backlog to publish (the first kill lands in its middle), then writers that never stop during the faults.
      for (let s = 0; s < 200; s++) {
        for (let v = 0; v < 40; v += 10)
          await store.append(`backlog-${s}`, dossierEvents(10, v + 1), { expectedVersion: v });
      }
      const writer = startWriter(store, { prefix: 'live', streams: 50, perAppend: 3, every: 2 });

      const first = startRelay();
      await first.waitForRelayed(3_000);
      await first.kill(); // 1st SIGKILL, mid-backlog

      const second = startRelay();
      await second.waitForRelayed(1_000, 60_000);
      // The broker goes away under the publishing relay: its next publish cannot be acknowledged…
      await kafka.broker?.halt();
      await waitForStall(second);
      await second.kill(); // 2nd SIGKILL, with a batch in flight that the broker never got
      await kafka.broker?.start(); // …and comes back on the same port with the same data

      const third = startRelay();
      await third.waitForRelayed(1, 60_000);
      const written = await writer.stop();
      expect(written).toBeGreaterThan(500);

      // Wait until the relay's durable checkpoint has reached the end of the log, then stop it cleanly.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const pending = await store.readAll({ after: await loadCheckpoint(pool, 'kafka-relay'), limit: 1 });
        if (pending.events.length === 0) break;
        if (Date.now() > deadline) throw new Error(`relay did not catch up:\n${third.lastLines}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await third.stop()).toBe(0);

      const log = await readWholeLog(store);
      expect(log.length).toBe(8_000 + written);
      const collector = new EventCollector({ messaging, pool, topic, groupId: 'fault-readers' });
      await collector.start();
      await collector.waitFor(log.length, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 500)); // let late duplicates arrive and be dropped too
      await collector.stop();

      const comparison = compareWithStore(log, collector.handled);
      expect(comparison.problems).toEqual([]);
      expect(collector.handled).toHaveLength(log.length);
      const delivered = new Set(collector.deliveries.map((d) => `${d.streamId}@${d.streamPosition}`));
      expect(delivered.size).toBe(log.length); // the topic holds every event: none missing
      expect(collector.deliveries.length).toBe(log.length + collector.duplicates);
      process.stdout.write(
        `relay faults: ${log.length} events, ${collector.deliveries.length} messages on the topic, ${collector.duplicates} duplicates dropped by the dedupe helper\n`,
      );
    }, 240_000);
  },
  { needsLocalBroker: true },
);
