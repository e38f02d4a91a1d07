import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ReferenceDataService } from '@app/reference-data';
import { FiguresService } from '@app/reports';
import { FiguresController } from './figures.controller';
import { READ_MODEL_DATA_SOURCE, ReadModelDataSourceCloser, readModelDataSourceProvider } from './read-model-data-source.provider';

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
      inject: [READ_MODEL_DATA_SOURCE, EVENT_STORE, ReferenceDataService],
      useFactory: (dataSource: DataSource, store: EventStore, reference: ReferenceDataService) =>
        new FiguresService({ dataSource, store, reference: () => reference.snapshot() }),
    },
  ],
  exports: [FiguresService],
})
export class ReportingModule {}
