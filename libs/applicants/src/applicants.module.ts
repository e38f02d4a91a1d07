import { Global, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@app/platform';
import { ApplicantVault } from './applicant-vault';
import { BlindIndex } from './crypto/blind-index';
import { FileMasterKeys } from './crypto/file-master-keys';
import { ApplicantLookupController } from './http/applicant-lookup.controller';
import { ApplicantsController } from './http/applicants.controller';
import { ReturningApplicants } from './returning-applicant';

/** Applicants' personal data (ApplicantVault, for the intake's receipts and reads), with its own tables and keys. */
@Global()
@Module({
  controllers: [ApplicantsController, ApplicantLookupController],
  providers: [
    {
      provide: ApplicantVault,
      inject: [PG_POOL, EVENT_STORE, APP_CONFIG],
      useFactory: (pool: Pool, store: EventStore, config: AppConfig) =>
        new ApplicantVault(
          pool,
          store,
          new FileMasterKeys(config.keysDir),
          BlindIndex.fromDir(config.keysDir),
          config.eventStore === 'postgres',
        ),
    },
    {
      provide: ReturningApplicants,
      inject: [PG_POOL, EVENT_STORE, ApplicantVault],
      useFactory: (pool: Pool, store: EventStore, vault: ApplicantVault) => new ReturningApplicants(pool, store, vault),
    },
  ],
  exports: [ApplicantVault],
})
export class ApplicantsModule {}
