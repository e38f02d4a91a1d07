import { type Kafka, Partitioners, type Producer } from 'kafkajs';
import type { MessagePublisher, OutgoingMessage } from '../messaging.port';
import { requestChunks } from './request-chunks';

/**
 * The kafkajs producer behind `MessagePublisher`: idempotent (the broker drops a retried duplicate), one request
 * in flight (kafkajs documents 1 for the idempotent producer, so a retry never reorders), acks from all in-sync
 * replicas, Java-compatible murmur2 partitioning by key. A large publish is split into requests (`requestChunks`),
 * sent one after the other, in order.
 */
export class KafkaPublisher implements MessagePublisher {
  private producer?: Producer;
  private readonly partitioners = new Map<string, (key: string) => number>();
  private connecting?: Promise<Producer>;

  constructor(
    private readonly kafka: Kafka,
    private readonly onClose: (publisher: KafkaPublisher) => void = () => undefined,
  ) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connect();
    const partitionOf = await this.partitioner(topic);
    for (const chunk of requestChunks(messages, partitionOf)) {
      await producer.send({ topic, acks: -1, messages: chunk });
    }
  }

  /**
   * The partition of a key, as the producer's own partitioner computes it (murmur2, Java-compatible): known up
   * front, a publish can be cut per partition. Undefined when the topic's metadata cannot be read.
   */
  private async partitioner(topic: string): Promise<((key: string) => number) | undefined> {
    const cached = this.partitioners.get(topic);
    if (cached) return cached;
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      const count = metadata.topics[0]?.partitions.length ?? 0;
      if (count === 0) return undefined;
      const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({
        partitionId,
        leader: 0,
        replicas: [],
        isr: [],
        partitionErrorCode: 0,
      }));
      const partition = Partitioners.DefaultPartitioner();
      const partitionOf = (key: string): number =>
        partition({ topic, partitionMetadata, message: { key, value: null } });
      this.partitioners.set(topic, partitionOf);
      return partitionOf;
    } catch {
      return undefined;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = undefined;
    this.producer = undefined;
    this.onClose(this);
    if (connecting) await (await connecting.catch(() => undefined))?.disconnect();
  }

  private connect(): Promise<Producer> {
    if (!this.connecting) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // Retry (transient errors, a broker restarting) for as long as it takes: the producer keeps its id and
        // sequence numbers, so the broker still drops what it had already written. Closing the publisher aborts.
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: true,
      });
      this.connecting = producer.connect().then(
        () => (this.producer = producer),
        (error: unknown) => {
          this.connecting = undefined;
          throw error;
        },
      );
    }
    return this.connecting;
  }
}
