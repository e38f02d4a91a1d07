import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ApplicantVault } from '@app/applicants';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, DATABASE, type Database } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { FiguresService, FilingService, FilingStore, replayFiguresInWorker } from '@app/reports';
import { AuditModule } from './audit/audit.module';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { FiguresController } from './figures.controller';
import { FilingsController } from './filings/filings.controller';
import {
  READ_MODEL_DATA_SOURCE,
  ReadModelDataSourceCloser,
  readModelDataSourceProvider,
} from './read-model-data-source.provider';
import { READ_DATABASE, ReadDatabaseCloser, type ReadDatabase, readDatabaseProvider } from './read-database.provider';
import { WorkQueueController } from './work-queue/work-queue.controller';
import { WorkQueueService } from './work-queue/work-queue.service';

/**
 * The reporting app's module: the figures API over libs/reports and the units' work queues over the read models.
 * Needs EVENT_STORE, DATABASE, ReferenceDataService and ApplicantVault (ApplicantsModule) from the composition.
 */
@Module({
  imports: [AuditModule],
  controllers: [FiguresController, FilingsController, WorkQueueController, DashboardController],
  providers: [
    readDatabaseProvider,
    ReadDatabaseCloser,
    readModelDataSourceProvider,
    ReadModelDataSourceCloser,
    { provide: FilingStore, inject: [EVENT_STORE], useFactory: (store: EventStore) => new FilingStore(store) },
    {
      provide: FiguresService,
      inject: [READ_MODEL_DATA_SOURCE, EVENT_STORE, ReferenceDataService, APP_CONFIG, DATABASE, FilingStore],
      useFactory: (
        dataSource: DataSource,
        store: EventStore,
        reference: ReferenceDataService,
        config: AppConfig,
        database: Database,
        filings: FilingStore,
      ) =>
        new FiguresService({
          dataSource,
          store,
          reference: () => reference.snapshot(),
          filingPosition: (id) => filings.position(id),
          // On PostgreSQL the auditor's replay runs in a worker thread (its own connection and heap).
          ...(config.eventStore === 'postgres'
            ? { replay: (request) => replayFiguresInWorker(database.url, request) }
            : {}),
        }),
    },
    {
      provide: FilingService,
      inject: [FiguresService, FilingStore, EVENT_STORE, ReferenceDataService],
      useFactory: (figures: FiguresService, filings: FilingStore, store: EventStore, reference: ReferenceDataService) =>
        new FilingService({ figures, filings, store, versions: async () => (await reference.snapshot()).versions }),
    },
    {
      provide: DashboardService,
      inject: [READ_MODEL_DATA_SOURCE, EVENT_STORE, ReferenceDataService],
      useFactory: (dataSource: DataSource, store: EventStore, reference: ReferenceDataService) =>
        new DashboardService({ dataSource, store, reference: () => reference.snapshot() }),
    },
    {
      provide: WorkQueueService,
      inject: [READ_DATABASE, ReferenceDataService, ApplicantVault],
      useFactory: (database: ReadDatabase, reference: ReferenceDataService, applicants: ApplicantVault) =>
        new WorkQueueService({
          db: database.pool,
          ...(database.replica ? { primary: database.primary } : {}),
          reference: () => reference.snapshot(),
          applicants,
        }),
    },
  ],
  exports: [FiguresService, FilingService],
})
export class ReportingModule {}
