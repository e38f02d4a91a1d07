import { Global, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@app/platform';
import { ApplicantVault } from './applicant-vault';
import { BlindIndex } from './crypto/blind-index';
import { FileMasterKeys } from './crypto/file-master-keys';
import { ApplicantsController } from './http/applicants.controller';

/** Applicants' personal data (ApplicantVault, for the intake's receipts and reads), with its own tables and keys. */
@Global()
@Module({
  controllers: [ApplicantsController],
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
  ],
  exports: [ApplicantVault],
})
export class ApplicantsModule {}
