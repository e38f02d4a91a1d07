import { ApplicantVault, BlindIndex, FileMasterKeys } from '@app/applicants';
import { createEventStore } from '@app/event-store';
import { KafkaMessaging } from '@app/messaging';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { Notifier, deliveryChannels } from './notifier';
import { loadNotifierConfig } from './notifier-config';
import { NOTIFIER_MIGRATIONS } from './notifier.migrations';

/**
 * The notifier as a bare worker (no HTTP, no Nest): `node scripts/run.cjs apps/notifier/src/worker.ts`, with the
 * notifier's variables. Prints `notifier sent=<n> skipped=<n> dead=<n> handled=<n>` when they change; SIGINT/SIGTERM
 * stop it cleanly (the tests SIGKILL it too).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const notifierConfig = loadNotifierConfig(config);
  const database = await openDatabase(config);
  await runMigrations(database.pool, NOTIFIER_MIGRATIONS);
  const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
  const log = (level: 'log' | 'warn' | 'error', message: string): void => console[level](message);
  const messaging = new KafkaMessaging({
    brokers: notifierConfig.brokers,
    clientId: notifierConfig.clientId,
    log: process.env.NOTIFIER_KAFKA_LOG ? (level, message) => level !== 'debug' && log(level, message) : undefined,
  });
  const vault = new ApplicantVault(
    database.pool,
    store,
    new FileMasterKeys(config.keysDir),
    BlindIndex.fromDir(config.keysDir),
  );
  const notifier = new Notifier({
    pool: database.pool,
    messaging,
    vault,
    config: notifierConfig,
    channels: deliveryChannels(notifierConfig),
    log,
  });
  let reported = '';
  const report = setInterval(() => {
    const s = notifier.status();
    const line = `notifier sent=${s.sender.sent} skipped=${s.sender.skipped} dead=${s.sender.deadLettered} handled=${s.eventsHandled}`;
    if (line !== reported) console.log(line);
    reported = line;
  }, 200);
  const stop = async (): Promise<void> => {
    clearInterval(report);
    await notifier.stop();
    await messaging.close();
    await store.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`notifier starting: group ${notifierConfig.group}, topic ${notifierConfig.topic}`);
  await notifier.start();
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
