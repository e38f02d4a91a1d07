import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createReadModelDataSource } from '@app/read-models';
import { READ_DATABASE, type ReadDatabase } from './read-database.provider';

export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');

/**
 * The read models' TypeORM data source, on the read pool (the standby's when READ_DATABASE_URL is set, else the
 * process's own), closed with the app (the pool stays open for its owner).
 */
export const readModelDataSourceProvider: Provider = {
  provide: READ_MODEL_DATA_SOURCE,
  inject: [READ_DATABASE],
  useFactory: (database: ReadDatabase): Promise<DataSource> => createReadModelDataSource(database.pool),
};

@Injectable()
export class ReadModelDataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
