import { type AppConfig, ConfigError } from '@app/platform';

/** The relay's settings: KAFKA_BROKERS comes from the shared config, the rest from these variables. */
export interface RelayConfig {
  brokers: string[];
  /** KAFKA_TOPIC (default `dossier-events`). */
  topic: string;
  /** KAFKA_TOPIC_PARTITIONS: partitions when the relay creates the topic (default 6). */
  partitions: number;
  /** KAFKA_CLIENT_ID (default `dossier-relay`). */
  clientId: string;
  /** RELAY_CONSUMER: name of the relay's checkpoint in event_store.checkpoints (default `kafka-relay`). */
  consumer: string;
  /** RELAY_BATCH_SIZE: events per page read and per acknowledged publish (default 2000). */
  batchSize: number;
}

type Env = Record<string, string | undefined>;

export function loadRelayConfig(config: Pick<AppConfig, 'kafkaBrokers'>, env: Env = process.env): RelayConfig {
  const text = (name: string, fallback: string, pattern: RegExp, rule: string): string => {
    const value = env[name]?.trim() || fallback;
    if (!pattern.test(value)) throw new ConfigError(name, `must be ${rule}`, value);
    return value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const value = env[name]?.trim();
    if (!value) return fallback;
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, value);
    return parsed;
  };
  if (config.kafkaBrokers.length === 0) throw new ConfigError('KAFKA_BROKERS', 'is required by the relay (host:port,…)', '');
  return {
    brokers: config.kafkaBrokers,
    topic: text('KAFKA_TOPIC', 'dossier-events', /^[a-zA-Z0-9._-]{1,249}$/, 'a Kafka topic name (letters, digits, . _ -)'),
    partitions: integer('KAFKA_TOPIC_PARTITIONS', 6, 1, 1000),
    clientId: text('KAFKA_CLIENT_ID', 'dossier-relay', /^[\w.-]{1,100}$/, 'letters, digits, . _ -'),
    consumer: text('RELAY_CONSUMER', 'kafka-relay', /^[\w.:-]{1,100}$/, 'letters, digits, . _ : -'),
    batchSize: integer('RELAY_BATCH_SIZE', 2000, 1, 50_000),
  };
}
