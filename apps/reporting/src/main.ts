import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { REPORTING_APP_MIGRATIONS, ReportingAppModule } from './reporting-app.module';

/** `node scripts/run.cjs apps/reporting/src/main.ts`: the figures API alone (distributed mode). */
void runHttpApp({
  name: 'reporting',
  migrations: REPORTING_APP_MIGRATIONS,
  module: (context) => ReportingAppModule.create(context),
});
