import { type AppConfig, ConfigError, type NotifierSettings } from '@app/platform';

/** The notifier's settings with what it shares with the relay: the brokers, the topic and its partitions. */
export interface NotifierConfig extends NotifierSettings {
  brokers: string[];
  topic: string;
  /** Partitions if the notifier is first to create the topic (same variable as the relay's). */
  partitions: number;
}

export function loadNotifierConfig(config: Pick<AppConfig, 'kafkaBrokers' | 'relay' | 'notifier'>): NotifierConfig {
  if (config.kafkaBrokers.length === 0)
    throw new ConfigError('KAFKA_BROKERS', 'is required by the notifier (host:port,…)', '');
  return {
    ...config.notifier,
    brokers: config.kafkaBrokers,
    topic: config.relay.topic,
    partitions: config.relay.partitions,
  };
}
