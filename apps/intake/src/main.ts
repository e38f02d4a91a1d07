import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { INTAKE_APP_MIGRATIONS, IntakeAppModule } from './intake-app.module';

/** `node scripts/run.cjs apps/intake/src/main.ts`: the counters' command API alone (distributed mode). */
void runHttpApp({
  name: 'intake',
  migrations: INTAKE_APP_MIGRATIONS,
  module: (context) => IntakeAppModule.create(context),
});
