import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { PROJECTOR_MIGRATIONS, ProjectorAppModule } from './projector-app.module';

/** `node scripts/run.cjs apps/projector/src/main.ts`: the projector alone, with /health (lag, throughput). */
void runHttpApp({
  name: 'projector',
  migrations: PROJECTOR_MIGRATIONS,
  module: (context) => ProjectorAppModule.create(context),
});
