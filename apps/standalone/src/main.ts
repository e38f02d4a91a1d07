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
      `\nThe counter desk: http://localhost:${config.port}/ (sign in there; the API's documentation at /docs).\n` +
        `Every endpoint but /health and /docs needs an account: people sign in with\n` +
        `  curl -c cookies -X POST http://localhost:${config.port}/api/v1/session -H 'Content-Type: application/json' ` +
        `-d '{"username":"…","password":"…"}'\n` +
        `(writes send back its csrfToken in X-CSRF-Token); machines use service tokens (README: Accounts and sign-in).\n` +
        `No account yet? npm run dossier -- user add --username admin --name "Quản trị viên" --role admin\n`,
    );
  },
});
