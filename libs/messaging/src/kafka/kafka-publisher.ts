import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import type { MessagePublisher, MessagingLog, OutgoingMessage } from '../messaging.port';
import { requestChunks } from './request-chunks';

/**
 * The kafkajs producer behind `MessagePublisher`: idempotent (the broker drops a retried duplicate), one request
 * in flight (kafkajs documents 1 for the idempotent producer, so a retry never reorders), acks from all in-sync
 * replicas, Java-compatible murmur2 partitioning by key. A large publish is split into requests (`requestChunks`),
 * sent one after the other, in order; each request is resolved only once every partition it holds has been
 * acknowledged (`sendWhole`).
 */
export class KafkaPublisher implements MessagePublisher {
  private producer?: Producer;
  private readonly partitioners = new Map<string, (key: string) => number>();
  private connecting?: Promise<Producer>;

  constructor(
    private readonly kafka: Kafka,
    private readonly onClose: (publisher: KafkaPublisher) => void = () => undefined,
    private readonly log: MessagingLog = () => undefined,
  ) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connect();
    const partitionOf = await this.partitioner(topic);
    // Without the partitions, what the broker acknowledged cannot be checked: fail, the caller publishes again.
    if (!partitionOf) throw new Error(`the partitions of topic ${topic} could not be read: nothing was published`);
    for (const chunk of requestChunks(messages, partitionOf)) {
      await sendWhole(producer, topic, chunk, this.log);
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

/** Rounds of sending again what a resolved send left unacknowledged, before the publish fails (published again). */
const RESEND_ROUNDS = 5;

/**
 * Sends one request's messages (each with its partition) and resolves once every partition is acknowledged.
 * kafkajs 2.2.4 can resolve `send()` without some of them (tulios/kafkajs#1303, issue 19): when a broker fails
 * mid-request, it retries with the answers of the brokers that had already answered kept aside, and once the
 * controller moves the dead broker's partitions to those brokers nothing is left to send for them. It had rolled
 * their sequence numbers back, so the same producer sends them again here with the same numbers: the broker writes
 * them once (or recognises a copy it already holds), before the next request, so each partition keeps its order.
 */
async function sendWhole(producer: Producer, topic: string, messages: Message[], log: MessagingLog): Promise<void> {
  let pending = messages;
  for (let round = 0; ; round++) {
    const results = await producer.send({ topic, acks: -1, messages: pending });
    const acknowledged = new Set(results.filter((r) => r.errorCode === 0).map((r) => r.partition));
    pending = pending.filter((m) => !acknowledged.has(m.partition ?? -1));
    if (pending.length === 0) return;
    const partitions = [...new Set(pending.map((m) => m.partition))].join(', ');
    if (round === RESEND_ROUNDS)
      throw new Error(`Kafka never acknowledged partitions ${partitions} of ${topic} (${pending.length} messages)`);
    log('warn', `kafka: a send resolved without partitions ${partitions} of ${topic}: sending ${pending.length} again`);
  }
}
