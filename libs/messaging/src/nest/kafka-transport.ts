import { type KafkaContext, type KafkaOptions, Transport } from '@nestjs/microservices';
import type { RecordedEvent } from '@app/event-store';
import { eventFromEnvelope } from '../events/event-message';

/**
 * Consuming the events topic with @nestjs/microservices' Kafka transport (ServerKafka), where a Nest app wants
 * `@EventPattern('dossier-events')` handlers. It fits consumers that handle one message at a time; the relay
 * (batches, awaited acknowledgements, an idempotent producer) and batch consumers use the plain kafkajs adapter
 * (`KafkaMessaging`) instead.
 *
 * Auto-commit is off: call `commitKafkaMessage(context)` after the handler's work is durable (with
 * `ProcessedEvents` for idempotence). A handler that throws leaves the offset uncommitted and kafkajs retries.
 */
export function kafkaEventsTransport(options: {
  brokers: string[];
  clientId: string;
  groupId: string;
  fromBeginning?: boolean;
}): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: options.clientId, brokers: options.brokers, logLevel: 0, connectionTimeout: 3_000 },
      consumer: { groupId: options.groupId, maxWaitTimeInMs: 250, allowAutoTopicCreation: false },
      run: { autoCommit: false },
      subscribe: { fromBeginning: options.fromBeginning ?? true },
      postfixId: '',
    },
  };
}

/** The recorded event of the message being handled (the transport has already parsed the JSON value). */
export function eventFromKafkaContext(context: KafkaContext): RecordedEvent {
  const message = context.getMessage();
  return eventFromEnvelope(message.value, `${context.getTopic()}[${context.getPartition()}]@${message.offset}`);
}

/** Commits the offset after the message being handled (its group will not see it again). */
export async function commitKafkaMessage(context: KafkaContext): Promise<void> {
  const offset = (BigInt(context.getMessage().offset) + 1n).toString();
  await context.getConsumer().commitOffsets([{ topic: context.getTopic(), partition: context.getPartition(), offset }]);
}
