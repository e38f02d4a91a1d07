import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE } from '../event-store.module';
import type { EventStore } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { SealPolicy } from '../postgres/seal';
import { Sealer } from './sealer';

const SEAL_POLICY = Symbol('SEAL_POLICY');

/** A long backlog (a first start on an old log) is sealed in pieces of this many events. */
export const SEAL_MAX_EVENTS = 100_000;

/** Runs the Sealer in the app (PostgreSQL event store only), from bootstrap to shutdown. */
@Injectable()
export class SealerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('sealer');
  readonly sealer?: Sealer;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(SEAL_POLICY) policy: SealPolicy) {
    if (store instanceof PostgresEventStore) {
      this.sealer = new Sealer({ store, policy, log: (level, message) => this.logger[level](message) });
    } else {
      this.logger.warn(
        'the event store is not PostgreSQL: no automatic seals (take them with `npm run dossier -- seal create`)',
      );
    }
  }

  onApplicationBootstrap(): void {
    this.sealer?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sealer?.stop();
  }
}

@Module({})
export class SealerModule {
  /** SEAL_EVERY_EVENTS / SEAL_EVERY_SECONDS of the config; both 0: no sealer. */
  static forRoot(config: { sealEveryEvents: number; sealEverySeconds: number }): DynamicModule {
    const policy: SealPolicy = {
      everyEvents: config.sealEveryEvents,
      everySeconds: config.sealEverySeconds,
      maxEvents: SEAL_MAX_EVENTS,
    };
    return {
      module: SealerModule,
      providers: [{ provide: SEAL_POLICY, useValue: policy }, SealerService],
      exports: [SealerService],
    };
  }
}
