import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, DATABASE, type Database, PG_POOL } from '@app/platform';
import { ApplicantVault } from './applicant-vault';
import { BlindIndex } from './crypto/blind-index';
import { FileMasterKeys } from './crypto/file-master-keys';
import { ApplicantsController } from './http/applicants.controller';

const BEFORE_APPEND_POOL = Symbol('BEFORE_APPEND_POOL');

/** Applicants' personal data (ApplicantVault, for the intake's receipts and reads), with its own tables and keys. */
@Global()
@Module({
  controllers: [ApplicantsController],
  providers: [
    {
      // a few connections that commit without waiting for the disk, for the writes made durable by the receipt's
      // own commit right after them (ApplicantIndex)
      provide: BEFORE_APPEND_POOL,
      inject: [DATABASE],
      useFactory: (database: Database) => {
        const pool = new Pool({ connectionString: database.url, max: 8, options: '-c synchronous_commit=off' });
        pool.on('error', () => undefined);
        return pool;
      },
    },
    {
      provide: ApplicantVault,
      inject: [PG_POOL, EVENT_STORE, APP_CONFIG, BEFORE_APPEND_POOL],
      useFactory: (pool: Pool, store: EventStore, config: AppConfig, beforeAppend: Pool) =>
        new ApplicantVault(
          pool,
          store,
          new FileMasterKeys(config.keysDir),
          BlindIndex.fromDir(config.keysDir),
          beforeAppend,
        ),
    },
  ],
  exports: [ApplicantVault],
})
export class ApplicantsModule implements OnModuleDestroy {
  constructor(@Inject(BEFORE_APPEND_POOL) private readonly beforeAppend: Pool) {}

  async onModuleDestroy(): Promise<void> {
    await this.beforeAppend.end();
  }
}
