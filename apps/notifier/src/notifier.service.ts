import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { ApplicantVault, BlindIndex, FileMasterKeys } from '@app/applicants';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { MESSAGING, type Messaging } from '@app/messaging';
import { APP_CONFIG, type AppConfig, HealthIndicators, PG_POOL } from '@app/platform';
import { Notifier, deliveryChannels } from './notifier';
import type { NotifierConfig } from './notifier-config';

export const NOTIFIER_CONFIG = Symbol('NOTIFIER_CONFIG');

/** Runs the notifier in the process: joins its group once the app is up, leaves it before shutdown; /health. */
@Injectable()
export class NotifierService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('notifier');
  readonly notifier: Notifier;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(MESSAGING) messaging: Messaging,
    @Inject(APP_CONFIG) appConfig: AppConfig,
    @Inject(NOTIFIER_CONFIG) config: NotifierConfig,
    health: HealthIndicators,
  ) {
    const vault = new ApplicantVault(
      pool,
      store,
      new FileMasterKeys(appConfig.keysDir),
      BlindIndex.fromDir(appConfig.keysDir),
    );
    this.notifier = new Notifier({
      pool,
      messaging,
      vault,
      config,
      channels: deliveryChannels(config),
      log: (level, message) => this.logger[level](message),
    });
    health.register('notifier', () => this.notifier.health());
  }

  onApplicationBootstrap(): void {
    void this.notifier.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.notifier.stop();
  }
}
