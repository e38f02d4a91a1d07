import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, HealthIndicators, PG_POOL } from '@app/platform';
import { Projector } from '@app/read-models';

/**
 * Runs the live projector inside the process: started once the application is up, stopped before it shuts down
 * (the batch in flight commits or rolls back with its checkpoint). /health shows its progress and lag.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('projector');
  readonly projector: Projector;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) store: EventStore,
    health: HealthIndicators,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.projector = new Projector({
      pool,
      store,
      batchSize: config.projectorBatchSize,
      log: (level, message) => this.logger[level](message),
    });
    health.register('projector', () => this.projector.health());
  }

  onApplicationBootstrap(): void {
    this.projector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }
}
