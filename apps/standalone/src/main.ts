import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { ALL_MIGRATIONS } from './migrations';
import { StandaloneModule } from './standalone.module';

void runHttpApp({
  name: 'standalone',
  migrations: ALL_MIGRATIONS,
  module: (context) => StandaloneModule.create(context),
  afterListen: (_app, config) => {
    console.log(
      `\nEvery endpoint but /health and /docs needs a bearer token. For an admin token:\n` +
        `  npm run -s dossier -- token --role admin\n` +
        `then: curl -H "Authorization: Bearer <token>" http://localhost:${config.port}/api/v1/...\n`,
    );
  },
});
