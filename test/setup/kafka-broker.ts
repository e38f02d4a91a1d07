import { randomUUID } from 'node:crypto';
import { type LocalKafka, type LocalKafkaOptions, startLocalKafka } from '../../scripts/kafka/kafka-broker';
import { localKafkaUnavailable } from '../../scripts/kafka/kafka-distribution';

/**
 * Kafka for a test suite: the brokers of KAFKA_BROKERS when set, otherwise a local Apache Kafka broker started for
 * the suite (scripts/kafka, ~1 s warm). Kafka suites are skipped, with a visible message, only where no Java or
 * Maven exists AND `CI` is not set; in CI a missing toolchain fails the suite instead.
 */
export interface SuiteKafka {
  brokers: string[];
  /** The local broker (absent when KAFKA_BROKERS names external ones). */
  broker?: LocalKafka;
  /** A topic name unique to this suite and run. */
  topic(prefix: string): string;
  stop(): Promise<void>;
}

/** Why Kafka suites cannot run here, or undefined. `needsLocalBroker`: the suite restarts the broker itself. */
export function kafkaSkipReason(options: { needsLocalBroker?: boolean } = {}): string | undefined {
  if (process.env.KAFKA_BROKERS && !options.needsLocalBroker) return undefined;
  const reason = localKafkaUnavailable();
  if (!reason || process.env.CI) return undefined;
  return reason;
}

/** `describe` that runs only where Kafka can run, and says so loudly where it cannot. */
export function describeKafka(name: string, fn: () => void, options: { needsLocalBroker?: boolean } = {}): void {
  const reason = kafkaSkipReason(options);
  if (!reason) {
    describe(name, fn);
    return;
  }
  process.stderr.write(
    `\n⚠ SKIPPED Kafka suite "${name}": ${reason}. Set KAFKA_BROKERS or install Java 17 + Maven (CI always runs it).\n`,
  );
  describe.skip(name, fn);
}

export async function kafkaForSuite(options: { local?: boolean } & LocalKafkaOptions = {}): Promise<SuiteKafka> {
  const run = randomUUID().slice(0, 8);
  const topic = (prefix: string): string => `${prefix}-${run}`;
  const external = process.env.KAFKA_BROKERS;
  if (external && !options.local) {
    return { brokers: external.split(',').map((b) => b.trim()), topic, stop: async () => undefined };
  }
  const broker = await startLocalKafka({ ...options, startTimeoutMs: options.startTimeoutMs ?? 90_000 });
  return { brokers: broker.brokers, broker, topic, stop: () => broker.stop() };
}
