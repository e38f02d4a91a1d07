import { Controller, type INestMicroservice } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import type { Pool } from 'pg';
import type { RecordedEvent } from '@app/event-store';
import { ProcessedEvents, commitKafkaMessage, eventFromKafkaContext, kafkaEventsTransport } from '@app/messaging';

/**
 * A Nest microservice on @nestjs/microservices' Kafka transport (ServerKafka) with an @EventPattern handler for
 * the events topic: dedupe in PostgreSQL, then commit the message's offset by hand.
 */
export async function startNestEventsConsumer(options: {
  brokers: string[];
  topic: string;
  groupId: string;
  pool: Pool;
  sink: RecordedEvent[];
}): Promise<INestMicroservice> {
  const processed = new ProcessedEvents({ pool: options.pool, consumer: options.groupId });

  @Controller()
  class RelayedEventsController {
    @EventPattern<string>(options.topic)
    async onEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext): Promise<void> {
      const event = eventFromKafkaContext(context);
      await processed.process([event], async (fresh) => {
        options.sink.push(...fresh);
      });
      await commitKafkaMessage(context);
    }
  }

  const moduleRef = await Test.createTestingModule({ controllers: [RelayedEventsController] }).compile();
  const microservice = moduleRef.createNestMicroservice({
    ...kafkaEventsTransport({ brokers: options.brokers, clientId: 'nest-test', groupId: options.groupId }),
    logger: false,
  });
  await microservice.listen();
  return microservice;
}
