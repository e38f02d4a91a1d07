import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import type { AppConfig } from '@app/platform';
import { loadNotifierConfig } from './notifier-config';
import { NOTIFIER_CONFIG, NotifierService } from './notifier.service';

/**
 * The notifier app's module: tells applicants about their dossiers' steps. Needs PG_POOL, EVENT_STORE (PostgreSQL,
 * for the applicants' vault), APP_CONFIG and HealthIndicators from the composition (main.ts here).
 */
@Module({})
export class NotifierModule {
  static forRoot(config: AppConfig): DynamicModule {
    const notifierConfig = loadNotifierConfig(config);
    return {
      module: NotifierModule,
      imports: [MessagingModule.forRoot({ brokers: notifierConfig.brokers, clientId: notifierConfig.clientId })],
      providers: [{ provide: NOTIFIER_CONFIG, useValue: notifierConfig }, NotifierService],
      exports: [NotifierService],
    };
  }
}
