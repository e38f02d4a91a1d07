import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { ALL_MIGRATIONS } from './migrations';
import { StandaloneModule } from './standalone.module';

void runHttpApp({
  name: 'standalone',
  migrations: ALL_MIGRATIONS,
  module: (context) => StandaloneModule.create(context),
});
