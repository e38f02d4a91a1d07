import { createEventStore } from '@app/event-store';
import { KafkaMessaging } from '@app/messaging';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { EventRelay } from './event-relay';
import { RELAY_MIGRATIONS } from './relay.migrations';
import { loadRelayConfig } from './relay-config';

/**
 * The relay as a bare worker (no HTTP, no Nest): `node scripts/run.cjs apps/relay/src/worker.ts`, with
 * KAFKA_BROKERS and DATABASE_URL. Prints `relayed <events> <transactionId>:<globalPosition>` as it goes;
 * SIGINT/SIGTERM stop it cleanly (the fault test SIGKILLs it instead).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const relayConfig = loadRelayConfig(config);
  const database = await openDatabase(config);
  await runMigrations(database.pool, RELAY_MIGRATIONS);
  const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
  const log = (level: 'log' | 'warn' | 'error' | 'debug', message: string): void => {
    if (level !== 'debug') console[level](message);
  };
  const messaging = new KafkaMessaging({
    brokers: relayConfig.brokers,
    clientId: relayConfig.clientId,
    log: process.env.RELAY_KAFKA_LOG ? log : undefined,
  });
  const relay = new EventRelay({
    pool: database.pool,
    store,
    publisher: () => messaging.publisher(),
    ensureTopic: () => messaging.ensureTopic(relayConfig.topic, { partitions: relayConfig.partitions }),
    topic: relayConfig.topic,
    consumer: relayConfig.consumer,
    batchSize: relayConfig.batchSize,
    log,
  });
  let reported = 0;
  const report = setInterval(() => {
    const { eventsRelayed, checkpoint } = relay.status();
    if (eventsRelayed !== reported && checkpoint)
      console.log(`relayed ${eventsRelayed} ${checkpoint.transactionId}:${checkpoint.globalPosition}`);
    reported = eventsRelayed;
  }, 100);
  const stop = async (): Promise<void> => {
    clearInterval(report);
    await relay.stop();
    await messaging.close();
    await store.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  relay.start();
  console.log(`relay started: topic ${relayConfig.topic}, checkpoint ${relayConfig.consumer}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
