import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig, DATABASE, type Database } from '@app/platform';

export const READ_DATABASE = Symbol('READ_DATABASE');

/**
 * Where the reporting app reads its read models: READ_DATABASE_URL (a streaming standby of DATABASE_URL) when set,
 * else the process's own database. `replica` says which: on a standby, a screen that must see its own write (the
 * work queue's `seen=`) falls back to `primary` when the standby has not replayed it yet.
 */
export interface ReadDatabase {
  pool: Pool;
  primary: Pool;
  replica: boolean;
  close(): Promise<void>;
}

export const readDatabaseProvider: Provider = {
  provide: READ_DATABASE,
  inject: [APP_CONFIG, DATABASE],
  useFactory: async (config: AppConfig, database: Database): Promise<ReadDatabase> => {
    if (!config.readDatabaseUrl)
      return { pool: database.pool, primary: database.pool, replica: false, close: async () => undefined };
    const pool = new Pool({ connectionString: config.readDatabaseUrl, max: config.databasePoolSize });
    pool.on('error', () => undefined); // idle clients dropped by a restarting standby; queries still report errors
    return { pool, primary: database.pool, replica: true, close: () => pool.end() };
  },
};

/** Ends the standby's pool with the app (after the data source that uses it: Nest closes providers in reverse). */
@Injectable()
export class ReadDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_DATABASE) private readonly database: ReadDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
