import type { Kafka } from 'kafkajs';
import type { ConsumerLag, ConsumerOptions, MessageConsumer, MessagePublisher, Messaging } from '../messaging.port';
import { type KafkaClientOptions, createKafkaClient } from './kafka-client';
import { KafkaConsumer } from './kafka-consumer';
import { consumerLag } from './consumer-lag';
import { KafkaPublisher } from './kafka-publisher';

export type KafkaMessagingOptions = KafkaClientOptions;

/** The Kafka adapter of the messaging port (plain kafkajs). */
export class KafkaMessaging implements Messaging {
  readonly kafka: Kafka;
  private readonly publishers = new Set<KafkaPublisher>();
  private readonly consumers = new Set<KafkaConsumer>();

  constructor(private readonly options: KafkaMessagingOptions) {
    this.kafka = createKafkaClient(options);
  }

  publisher(): MessagePublisher {
    const publisher = new KafkaPublisher(this.kafka, (p) => this.publishers.delete(p), this.options.log);
    this.publishers.add(publisher);
    return publisher;
  }

  consumer(options: ConsumerOptions): MessageConsumer {
    const consumer = new KafkaConsumer(this.kafka, options, this.options.log, (c) => this.consumers.delete(c));
    this.consumers.add(consumer);
    return consumer;
  }

  async ensureTopic(topic: string, options: { partitions?: number } = {}): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      if (existing.includes(topic)) return;
      await admin.createTopics({
        topics: [{ topic, numPartitions: options.partitions ?? 6, replicationFactor: -1 }],
        waitForLeaders: true,
      });
    } finally {
      await admin.disconnect();
    }
  }

  consumerLag(groupId: string, topic: string): Promise<ConsumerLag> {
    return consumerLag(this.kafka, groupId, topic);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await Promise.all([...this.publishers].map((p) => p.close()));
  }
}
