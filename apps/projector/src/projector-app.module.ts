import { type DynamicModule, Module } from '@nestjs/common';
import { EVENT_STORE_MIGRATIONS, EventStoreModule } from '@app/event-store';
import { type AppConfig, type Database, type Migration, PlatformModule } from '@app/platform';
import { READ_MODEL_MIGRATIONS } from '@app/read-models';
import { ProjectorModule } from './projector.module';

export const PROJECTOR_MIGRATIONS: readonly Migration[] = [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS];

/** The projector on its own (distributed mode): platform plumbing, the PostgreSQL event store, the projector. */
@Module({})
export class ProjectorAppModule {
  static create(context: { config: AppConfig; database: Database }): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: PROJECTOR_MIGRATIONS }),
        EventStoreModule.forRoot({ kind: 'postgres', pool: context.database.pool, migrate: false }),
        ProjectorModule,
      ],
    };
  }
}
