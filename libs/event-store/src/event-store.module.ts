import { type DynamicModule, Inject, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { createEventStore, type EventStoreConfig } from './create-event-store';
import type { EventStore } from './event-store.port';

/** Injection token of the EventStore port: `@Inject(EVENT_STORE) store: EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Thin Nest wrapper: provides the port; the adapters know nothing of Nest. */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Stops subscriptions and listeners (the pool itself belongs to whoever passed it). */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  static forRoot(config: EventStoreConfig): DynamicModule {
    return EventStoreModule.forRootAsync({ useFactory: () => config });
  }

  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
    useFactory: (...args: never[]) => EventStoreConfig | Promise<EventStoreConfig>;
  }): DynamicModule {
    const provider: Provider = {
      provide: EVENT_STORE,
      inject: options.inject ?? [],
      useFactory: async (...args: never[]): Promise<EventStore> => createEventStore(await options.useFactory(...args)),
    };
    return {
      module: EventStoreModule,
      global: true,
      imports: options.imports ?? [],
      providers: [provider],
      exports: [EVENT_STORE],
    };
  }
}
