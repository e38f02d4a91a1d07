import 'reflect-metadata';
import { runHttpApp } from '@app/platform';
import { RelayAppModule } from './relay-app.module';
import { RELAY_MIGRATIONS } from './relay.migrations';

/** `node scripts/run.cjs apps/relay/src/main.ts` (KAFKA_BROKERS required): the relay alone, with /health (lag). */
void runHttpApp({ name: 'relay', migrations: RELAY_MIGRATIONS, module: (context) => RelayAppModule.create(context) });
