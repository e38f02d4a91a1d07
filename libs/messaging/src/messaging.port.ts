/**
 * The messaging port: what the rest of the system may ask of the message broker. One adapter implements it
 * (Kafka, through kafkajs: `kafka/kafka-messaging.ts`); nothing outside `libs/messaging` imports kafkajs.
 */

export type MessageHeaders = Record<string, string>;

export interface OutgoingMessage {
  /** Messages with the same key go to the same partition, in the order they were published. */
  key: string;
  value: string | Buffer;
  headers?: MessageHeaders;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Offset in the partition (a decimal string: Kafka offsets are 64-bit). */
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: MessageHeaders;
  /** Broker or producer timestamp, ms since the epoch. */
  timestamp: number;
}

export interface MessagePublisher {
  /**
   * Sends the messages in the order given and resolves once the broker has acknowledged every one of them
   * (written to all in-sync replicas). Idempotent: a retry inside the producer never writes a message twice.
   * A rejection means some messages may or may not have been written: publish them again (at least once).
   */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

/** Messages of one partition, in offset order. */
export interface MessageBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
}

export interface ConsumerOptions {
  /** The consumer group: members share the partitions; the group's committed offsets survive restarts. */
  groupId: string;
  topics: string[];
  /** Where a group with no committed offset starts (default true: the beginning of the topic). */
  fromBeginning?: boolean;
  /**
   * Handles one partition's batch. The offsets are committed only after it resolves; if it throws, the same
   * messages are delivered again after `retryDelayMs`. A crash between handling and committing also redelivers:
   * make the handler idempotent (`ProcessedEvents`).
   */
  handle: (batch: MessageBatch) => Promise<void>;
  /** Partitions handled at the same time (default 1). */
  partitionsConsumedConcurrently?: number;
  retryDelayMs?: number;
}

export interface MessageConsumer {
  /** Joins the group and starts handling; resolves once running. */
  start(): Promise<void>;
  /** Leaves the group after the batch in flight. */
  stop(): Promise<void>;
  /** Last failure of the handler or the client, for health reports. */
  readonly lastError: string | null;
}

export interface Messaging {
  publisher(): MessagePublisher;
  consumer(options: ConsumerOptions): MessageConsumer;
  /** Creates the topic when it does not exist (existing topics are left as they are). */
  ensureTopic(topic: string, options?: { partitions?: number }): Promise<void>;
  /** How many messages of the topic the group has not committed yet (for health reports). */
  consumerLag(groupId: string, topic: string): Promise<ConsumerLag>;
  /** Closes every publisher and consumer created here. */
  close(): Promise<void>;
}

export interface ConsumerLag {
  /** Messages past the group's committed offsets, over all partitions. */
  messages: number;
  /** Offsets are decimal strings; `committed` is null for a partition the group never committed. */
  partitions: { partition: number; committed: string | null; end: string; lag: number }[];
}

export type MessagingLog = (level: 'error' | 'warn' | 'log' | 'debug', message: string) => void;
