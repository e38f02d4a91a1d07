import { type DynamicModule, Module } from '@nestjs/common';
import { ACCOUNT_MIGRATIONS, AccountsModule } from '@app/accounts';
import { APPLICANT_MIGRATIONS, ApplicantsModule } from '@app/applicants';
import { EVENT_STORE_MIGRATIONS, EventStoreModule, eventStoreConfigOf } from '@app/event-store';
import { type AppConfig, type Database, type Migration, PlatformModule } from '@app/platform';
import { ReferenceDataModule } from '@app/reference-data';
import { IntakeModule } from './intake.module';
import { INTAKE_MIGRATIONS } from './persistence/intake.migrations';

export const INTAKE_APP_MIGRATIONS: readonly Migration[] = [
  ...EVENT_STORE_MIGRATIONS,
  ...ACCOUNT_MIGRATIONS,
  ...APPLICANT_MIGRATIONS,
  ...INTAKE_MIGRATIONS,
];

/** The counters' API on its own (distributed mode): platform plumbing, the event store, reference data, intake. */
@Module({})
export class IntakeAppModule {
  static create(context: { config: AppConfig; database: Database }): DynamicModule {
    const { config, database } = context;
    return {
      module: IntakeAppModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: INTAKE_APP_MIGRATIONS }),
        EventStoreModule.forRoot(eventStoreConfigOf(config, database.pool)),
        ReferenceDataModule,
        AccountsModule,
        ApplicantsModule,
        IntakeModule,
      ],
    };
  }
}
