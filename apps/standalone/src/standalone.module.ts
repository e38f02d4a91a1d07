import { type DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { ApplicantsModule } from '@app/applicants';
import { EventStoreModule, SealerModule, eventStoreConfigOf } from '@app/event-store';
import { IntakeModule } from '@app/intake';
import { ProjectorModule } from '@app/projector';
import { RelayModule } from '@app/relay';
import { ReportingModule } from '@app/reporting';
import { type AppConfig, type Database, PlatformModule } from '@app/platform';
import { ReferenceDataModule } from '@app/reference-data';
import { ALL_MIGRATIONS } from './migrations';

/** The apps composed in one process on one database: what `npm start` runs. */
@Module({})
export class StandaloneModule {
  static create(context: { config: AppConfig; database: Database }): DynamicModule {
    const { config, database } = context;
    return {
      module: StandaloneModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: ALL_MIGRATIONS }),
        EventStoreModule.forRoot(eventStoreConfigOf(config, database.pool)),
        // Seals the event log every SEAL_EVERY_EVENTS events or SEAL_EVERY_SECONDS seconds (PostgreSQL only).
        SealerModule.forRoot(config),
        ReferenceDataModule,
        AccountsModule,
        ApplicantsModule,
        IntakeModule,
        ProjectorModule,
        ReportingModule,
        // Distributed mode: publish the event log to Kafka only when brokers are configured.
        ...(config.kafkaBrokers.length > 0 ? [RelayModule.forRoot(config)] : []),
      ],
    };
  }
}
