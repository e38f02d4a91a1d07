import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import type { AppConfig } from '@app/platform';
import { loadRelayConfig } from './relay-config';
import { RELAY_CONFIG, RelayService } from './relay.service';

/**
 * The relay app's module: publishes the event log to Kafka. Needs PG_POOL, EVENT_STORE (PostgreSQL) and
 * HealthIndicators from the composition (standalone when KAFKA_BROKERS is set, or main.ts here).
 */
@Module({})
export class RelayModule {
  static forRoot(
    config: Pick<AppConfig, 'kafkaBrokers'> & Partial<Pick<AppConfig, 'relay'>>,
    env: Record<string, string | undefined> = process.env,
  ): DynamicModule {
    const relayConfig = loadRelayConfig(config, env);
    return {
      module: RelayModule,
      imports: [MessagingModule.forRoot({ brokers: relayConfig.brokers, clientId: relayConfig.clientId })],
      providers: [{ provide: RELAY_CONFIG, useValue: relayConfig }, RelayService],
      exports: [RelayService],
    };
  }
}
