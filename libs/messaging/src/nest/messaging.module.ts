import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { KafkaMessaging, type KafkaMessagingOptions } from '../kafka/kafka-messaging';
import type { Messaging } from '../messaging.port';

/** Injection token of the messaging port: `@Inject(MESSAGING) messaging: Messaging`. */
export const MESSAGING = Symbol('MESSAGING');

/**
 * Thin Nest wrapper: provides the Kafka adapter of the messaging port (logging to Nest's logger) and closes its
 * publishers and consumers on shutdown.
 */
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(MESSAGING) private readonly messaging: Messaging) {}

  async onApplicationShutdown(): Promise<void> {
    await this.messaging.close();
  }

  static forRoot(options: Omit<KafkaMessagingOptions, 'log'>): DynamicModule {
    const logger = new Logger('messaging');
    return {
      module: MessagingModule,
      providers: [
        {
          provide: MESSAGING,
          useFactory: () => new KafkaMessaging({ ...options, log: (level, message) => logger[level](message) }),
        },
      ],
      exports: [MESSAGING],
    };
  }
}
