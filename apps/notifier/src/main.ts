import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { NotifierAppModule } from './notifier-app.module';
import { NOTIFIER_MIGRATIONS } from './notifier.migrations';

/**
 * `node scripts/run.cjs apps/notifier/src/main.ts` (KAFKA_BROKERS, DATABASE_URL, SMTP_URL and/or SMS_GATEWAY_URL):
 * the citizen notifier, with /health (its group's lag, notifications pending and dead-lettered, with a token).
 */
void runHttpApp({
  name: 'notifier',
  migrations: NOTIFIER_MIGRATIONS,
  module: (context) => NotifierAppModule.create(context),
});
