import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import type { MessagePublisher, OutgoingMessage } from '../messaging.port';

/** Bytes per produce request (the broker refuses a record batch above message.max.bytes, 1 MiB by default). */
const MAX_REQUEST_BYTES = 900 * 1024;

/**
 * The kafkajs producer behind `MessagePublisher`: idempotent (the broker drops a retried duplicate), one request
 * in flight (kafkajs documents 1 for the idempotent producer, so a retry never reorders), acks from all in-sync
 * replicas, Java-compatible murmur2 partitioning by key. A large publish is split into requests of at most ~900 KiB, sent one after the other, in order.
 */
export class KafkaPublisher implements MessagePublisher {
  private producer?: Producer;
  private connecting?: Promise<Producer>;

  constructor(
    private readonly kafka: Kafka,
    private readonly onClose: (publisher: KafkaPublisher) => void = () => undefined,
  ) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connect();
    for (const chunk of chunks(messages)) {
      await producer.send({ topic, acks: -1, messages: chunk });
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

function* chunks(messages: readonly OutgoingMessage[]): Generator<Message[]> {
  let chunk: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = sizeOf(message);
    if (chunk.length > 0 && bytes + size > MAX_REQUEST_BYTES) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push({ key: message.key, value: message.value, headers: message.headers });
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

/** An upper bound of the record's size (UTF-8 takes at most 3 bytes per UTF-16 unit): no encoding pass here. */
function sizeOf(message: OutgoingMessage): number {
  let size = 64 + 3 * message.key.length + (typeof message.value === 'string' ? 3 * message.value.length : message.value.length);
  const headers = message.headers;
  if (headers) for (const name in headers) size += 8 + name.length + 3 * (headers[name]?.length ?? 0);
  return size;
}
