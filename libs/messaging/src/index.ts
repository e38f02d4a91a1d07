export {
  type ConsumerLag,
  type ConsumerOptions,
  type IncomingMessage,
  type MessageBatch,
  type MessageConsumer,
  type MessageHeaders,
  type MessagePublisher,
  type Messaging,
  type MessagingLog,
  type OutgoingMessage,
} from './messaging.port';
export { MessagingError, type MessagingErrorCode, StreamGapError } from './errors';
export { KafkaMessaging, type KafkaMessagingOptions } from './kafka/kafka-messaging';
export { EVENT_HEADERS, type EventEnvelope, encodeEvent, decodeEvent, eventFromEnvelope } from './events/event-message';
export { MESSAGING_MIGRATIONS } from './idempotency/messaging.migrations';
export { ProcessedEvents, type ProcessedEventsOptions, type ProcessOutcome } from './idempotency/processed-events';
export { idempotentEventHandler } from './idempotency/idempotent-handler';
export { MessagingModule, MESSAGING } from './nest/messaging.module';
export { kafkaEventsTransport, eventFromKafkaContext, commitKafkaMessage } from './nest/kafka-transport';
