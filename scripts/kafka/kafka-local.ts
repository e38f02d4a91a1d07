/**
 * `npm run kafka:local` — a real Apache Kafka broker on this machine, for development and tests.
 *
 *   npm run kafka:local                        start on a free port, print KAFKA_BROKERS=…, Ctrl-C stops
 *   npm run kafka:local -- --port 9092         on a given port
 *   npm run kafka:local -- --data .data/kafka  keep the topics across runs (default: a temporary folder)
 *   npm run kafka:local -- --prepare           fetch the jars, format the storage template, write the class
 *                                              archive (one start and stop), then exit — what CI runs first
 *
 * Needs Java 17+ and, the first time, Maven (the jars come from Maven Central into ~/.cache/dossier-tracker).
 */
import { startLocalKafka } from './kafka-broker';
import { KAFKA_VERSION, ensureKafkaDistribution, kafkaHome, localKafkaUnavailable } from './kafka-distribution';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const unavailable = localKafkaUnavailable();
  if (unavailable) throw new Error(`cannot run a local Kafka broker: ${unavailable}`);
  const log = (line: string): void => console.error(line);
  const started = Date.now();
  if (process.argv.includes('--prepare')) {
    await ensureKafkaDistribution(log);
    const broker = await startLocalKafka({ log: process.argv.includes('--verbose') ? log : undefined });
    const ready = Date.now();
    await broker.stop();
    console.log(
      `Kafka ${KAFKA_VERSION} ready in ${kafkaHome()} (prepared in ${((ready - started) / 1000).toFixed(1)} s)`,
    );
    return;
  }
  const port = option('--port');
  const broker = await startLocalKafka({
    port: port ? Number(port) : undefined,
    dataDir: option('--data'),
    quickJit: !process.argv.includes('--full-jit'),
    log: process.argv.includes('--verbose') ? log : undefined,
  });
  console.log(
    `Apache Kafka ${KAFKA_VERSION} (KRaft, single node) started in ${((Date.now() - started) / 1000).toFixed(1)} s, data in ${broker.dataDir}`,
  );
  console.log(`KAFKA_BROKERS=${broker.brokers.join(',')}`);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping the broker`);
    await broker.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
