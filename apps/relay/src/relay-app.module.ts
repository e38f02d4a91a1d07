import { type DynamicModule, Module } from '@nestjs/common';
import { EventStoreModule } from '@app/event-store';
import { type AppConfig, type Database, PlatformModule } from '@app/platform';
import { RELAY_MIGRATIONS } from './relay.migrations';
import { RelayModule } from './relay.module';

/** The relay on its own (distributed mode): platform plumbing (/health), the PostgreSQL event store, the relay. */
@Module({})
export class RelayAppModule {
  static create(context: { config: AppConfig; database: Database }): DynamicModule {
    return {
      module: RelayAppModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: RELAY_MIGRATIONS }),
        EventStoreModule.forRoot({ kind: 'postgres', pool: context.database.pool, migrate: false }),
        RelayModule.forRoot(context.config),
      ],
    };
  }
}
