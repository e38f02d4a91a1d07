import { type DynamicModule, Module } from '@nestjs/common';
import { EventStoreModule } from '@app/event-store';
import { type AppConfig, type Database, PlatformModule } from '@app/platform';
import { HealthAccessModule } from './health-access';
import { NOTIFIER_MIGRATIONS } from './notifier.migrations';
import { NotifierModule } from './notifier.module';

/** The notifier on its own (distributed mode): platform plumbing (/health), the store for the vault, the notifier. */
@Module({})
export class NotifierAppModule {
  static create(context: { config: AppConfig; database: Database }): DynamicModule {
    return {
      module: NotifierAppModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: NOTIFIER_MIGRATIONS }),
        HealthAccessModule,
        EventStoreModule.forRoot({ kind: 'postgres', pool: context.database.pool, migrate: false }),
        NotifierModule.forRoot(context.config),
      ],
    };
  }
}
