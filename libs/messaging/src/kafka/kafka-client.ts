import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';
import type { MessagingLog } from '../messaging.port';
import { kafkaLogCreator } from './kafka-log';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  log?: MessagingLog;
  /** Extra kafkajs client settings (SSL, SASL, timeouts). */
  client?: Partial<KafkaConfig>;
}

/** The kafkajs client every publisher and consumer of the adapter is made from. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 10 },
    logLevel: options.log ? logLevel.WARN : logLevel.NOTHING,
    logCreator: kafkaLogCreator(options.log),
    ...options.client,
  });
}
