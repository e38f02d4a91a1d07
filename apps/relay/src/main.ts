import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { RELAY_MIGRATIONS, RelayAppModule } from './relay-app.module';

/** `node scripts/run.cjs apps/relay/src/main.ts` (KAFKA_BROKERS required): the relay alone, with /health (lag). */
void runHttpApp({ name: 'relay', migrations: RELAY_MIGRATIONS, module: (context) => RelayAppModule.create(context) });
