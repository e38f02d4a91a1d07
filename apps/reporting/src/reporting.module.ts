import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, DATABASE, type Database } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { FiguresService, replayFiguresInWorker } from '@app/reports';
import { FiguresController } from './figures.controller';
import {
  READ_MODEL_DATA_SOURCE,
  ReadModelDataSourceCloser,
  readModelDataSourceProvider,
} from './read-model-data-source.provider';

/**
 * The reporting app's module: the figures API over libs/reports. Needs EVENT_STORE, DATABASE and
 * ReferenceDataService from the composition.
 */
@Module({
  controllers: [FiguresController],
  providers: [
    readModelDataSourceProvider,
    ReadModelDataSourceCloser,
    {
      provide: FiguresService,
      inject: [READ_MODEL_DATA_SOURCE, EVENT_STORE, ReferenceDataService, APP_CONFIG, DATABASE],
      useFactory: (
        dataSource: DataSource,
        store: EventStore,
        reference: ReferenceDataService,
        config: AppConfig,
        database: Database,
      ) =>
        new FiguresService({
          dataSource,
          store,
          reference: () => reference.snapshot(),
          // On PostgreSQL the auditor's replay runs in a worker thread (its own connection and heap).
          ...(config.eventStore === 'postgres'
            ? { replay: (request) => replayFiguresInWorker(database.url, request) }
            : {}),
        }),
    },
  ],
  exports: [FiguresService],
})
export class ReportingModule {}
