import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { MESSAGING, type Messaging } from '@app/messaging';
import { HealthIndicators, PG_POOL } from '@app/platform';
import { EventRelay } from './event-relay';
import type { RelayConfig } from './relay-config';

export const RELAY_CONFIG = Symbol('RELAY_CONFIG');

/**
 * Runs the relay inside the process: started once the application is up, stopped before it shuts down (the batch
 * in flight is acknowledged and checkpointed, or abandoned and re-published next time). /health shows its lag.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('relay');
  readonly relay: EventRelay;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(MESSAGING) messaging: Messaging,
    @Inject(RELAY_CONFIG) config: RelayConfig,
    health: HealthIndicators,
  ) {
    this.relay = new EventRelay({
      pool,
      store,
      publisher: () => messaging.publisher(),
      ensureTopic: () => messaging.ensureTopic(config.topic, { partitions: config.partitions }),
      topic: config.topic,
      consumer: config.consumer,
      batchSize: config.batchSize,
      log: (level, message) => this.logger[level](message),
    });
    health.register('relay', () => this.relay.health());
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
