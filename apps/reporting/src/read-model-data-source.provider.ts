import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATABASE, type Database } from '@app/platform';
import { createReadModelDataSource } from '@app/read-models';

export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');

/** The read models' TypeORM data source, on the process's pool, closed with the app (the pool stays open for its owner). */
export const readModelDataSourceProvider: Provider = {
  provide: READ_MODEL_DATA_SOURCE,
  inject: [DATABASE],
  useFactory: (database: Database): Promise<DataSource> => createReadModelDataSource(database.pool),
};

@Injectable()
export class ReadModelDataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
