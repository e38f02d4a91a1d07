export * from './messaging.port';
export * from './errors';
export { KafkaMessaging, type KafkaMessagingOptions } from './kafka/kafka-messaging';
export { EVENT_HEADERS, type EventEnvelope, encodeEvent, decodeEvent, eventFromEnvelope } from './events/event-message';
export { MESSAGING_MIGRATIONS } from './idempotency/messaging.migrations';
export { ProcessedEvents, type ProcessedEventsOptions, type ProcessOutcome } from './idempotency/processed-events';
export { idempotentEventHandler } from './idempotency/idempotent-handler';
export { MessagingModule, MESSAGING } from './nest/messaging.module';
export { kafkaEventsTransport, eventFromKafkaContext, commitKafkaMessage } from './nest/kafka-transport';
