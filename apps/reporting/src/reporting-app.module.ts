import { type DynamicModule, Module } from '@nestjs/common';
import { ACCOUNT_MIGRATIONS, AccountsModule } from '@app/accounts';
import { APPLICANT_MIGRATIONS, ApplicantsModule } from '@app/applicants';
import { EVENT_STORE_MIGRATIONS, EventStoreModule } from '@app/event-store';
import { type AppConfig, type Database, type Migration, PlatformModule } from '@app/platform';
import { READ_MODEL_MIGRATIONS } from '@app/read-models';
import { ReferenceDataModule } from '@app/reference-data';
import { ReportingModule } from './reporting.module';

export const REPORTING_APP_MIGRATIONS: readonly Migration[] = [
  ...EVENT_STORE_MIGRATIONS,
  ...ACCOUNT_MIGRATIONS,
  ...APPLICANT_MIGRATIONS,
  ...READ_MODEL_MIGRATIONS,
];

/**
 * The figures API and the work queues on their own (distributed mode): reads the read models, replays the event log
 * through the port; the applicants' index (same KEYS_DIR as the intake) finds and names the queue's applicants.
 */
@Module({})
export class ReportingAppModule {
  static create(context: { config: AppConfig; database: Database }): DynamicModule {
    return {
      module: ReportingAppModule,
      imports: [
        PlatformModule.forRoot({ ...context, migrations: REPORTING_APP_MIGRATIONS }),
        EventStoreModule.forRoot({ kind: 'postgres', pool: context.database.pool, migrate: false }),
        ReferenceDataModule,
        AccountsModule,
        ApplicantsModule,
        ReportingModule,
      ],
    };
  }
}
