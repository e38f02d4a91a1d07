import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, loadConfig } from '../config/config';
import { type Database, openDatabase } from '../database/database';
import { EmbeddedPostgresError } from '../database/embedded-postgres';
import { type Migration, runMigrations } from '../database/migrations';
import { setUpOpenApi } from '../http/openapi';

export interface HttpAppDefinition {
  name: string;
  migrations: readonly Migration[];
  /** The root module, built once the config and the database are known. */
  module: (context: { config: AppConfig; database: Database }) => Type<unknown> | DynamicModule;
  /** Printed once listening (e.g. how to get a token). */
  afterListen?: (app: INestApplication, config: AppConfig) => Promise<void> | void;
}

/**
 * Starts an HTTP app: config → database (embedded unless DATABASE_URL) → migrations → Nest → listen.
 * SIGINT/SIGTERM close the app, then the pool, then the embedded database, so no server is left behind.
 */
export async function runHttpApp(definition: HttpAppDefinition): Promise<void> {
  const logger = new Logger(definition.name);
  let database: Database | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    await app?.close().catch(() => undefined);
    await database?.close().catch((e: Error) => logger.error(e.message));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    const config = loadConfig();
    database = await openDatabase(config);
    logger.log(`database: ${database.kind} ${redact(database.url)}`);
    const applied = await runMigrations(database.pool, definition.migrations);
    if (applied.length) logger.log(`migrations applied: ${applied.join(', ')}`);
    app = await NestFactory.create(definition.module({ config, database }), {
      logger: levelsFrom(config.logLevel),
      abortOnError: false,
    });
    setUpOpenApi(app);
    await app.listen(config.port, config.host);
    logger.log(`listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (OpenAPI: /docs)`);
    await definition.afterListen?.(app, config);
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof EmbeddedPostgresError;
    logger.error(known ? (error as Error).message : ((error as Error).stack ?? String(error)));
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    process.exit(1);
  }
}

function levelsFrom(level: AppConfig['logLevel']): ('error' | 'warn' | 'log' | 'debug')[] {
  const all = ['error', 'warn', 'log', 'debug'] as const;
  return all.slice(0, all.indexOf(level) + 1);
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
