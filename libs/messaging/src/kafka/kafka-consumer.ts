import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type {
  ConsumerOptions,
  IncomingMessage,
  MessageConsumer,
  MessageHeaders,
  MessagingLog,
} from '../messaging.port';

/**
 * The kafkajs consumer behind `MessageConsumer`: a member of a consumer group, auto-commit off. Each partition
 * batch goes to the handler; only once it resolves is the offset resolved and committed (synchronously, before
 * the next batch of that partition). A failing handler makes the consumer seek back to the batch's first offset
 * and try again after a pause, so nothing is skipped.
 */
export class KafkaConsumer implements MessageConsumer {
  private consumer?: Consumer;
  lastError: string | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerOptions,
    private readonly log: MessagingLog | undefined,
    private readonly onStop: (consumer: KafkaConsumer) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    if (this.consumer) return;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      maxWaitTimeInMs: 250,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => {
      this.lastError = String((event.payload as { error?: Error }).error?.message ?? 'consumer crashed');
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    this.onStop(this);
    await consumer?.disconnect();
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const consumer = this.consumer;
    if (!consumer || batch.messages.length === 0 || !isRunning() || isStale()) return;
    const { topic, partition } = batch;
    const messages = batch.messages.map((message) => toIncoming(topic, partition, message));
    try {
      await this.options.handle({ topic, partition, messages });
    } catch (error) {
      this.lastError = (error as Error).message;
      this.log?.(
        'error',
        `consumer ${this.options.groupId}: ${topic}[${partition}] from offset ${batch.firstOffset()} failed, retrying: ${(error as Error).message}`,
      );
      consumer.seek({ topic, partition, offset: batch.firstOffset() ?? batch.messages[0]?.offset ?? '0' });
      await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 1000));
      return;
    }
    const last = batch.lastOffset();
    resolveOffset(last);
    await consumer.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
    this.lastError = null;
    await heartbeat();
  }
}

function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? String(value[value.length - 1]) : value.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString() : null,
    value: message.value,
    headers,
    timestamp: Number(message.timestamp),
  };
}
