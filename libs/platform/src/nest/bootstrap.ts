import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, loadConfig } from '../config/config';
import { type Database, openDatabase, serverLostMessage } from '../database/database';
import { EmbeddedPostgresError } from '../database/embedded-postgres';
import { type Migration, runMigrations } from '../pg/migrations';
import type { Server } from 'node:http';
import { InFlightRequests } from '../http/in-flight';
import { configureHttp } from '../http/configure-http';

/** How long a stopping app lets running requests finish before it closes anyway. */
const DRAIN_MS = 10_000;

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
 * SIGINT/SIGTERM stop taking connections, let the running requests finish (at most 10 s), then close the app, the
 * pool and the embedded database, so no server is left behind.
 */
export async function runHttpApp(definition: HttpAppDefinition): Promise<void> {
  const logger = new Logger(definition.name);
  let database: Database | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  const inFlight = new InFlightRequests();
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    const server = app?.getHttpServer() as Server | undefined;
    server?.close();
    server?.closeIdleConnections();
    if (!(await inFlight.idle(DRAIN_MS)))
      logger.warn(`${inFlight.count} requests still running after ${DRAIN_MS / 1000} s: stopping anyway`);
    await app?.close().catch(() => undefined);
    await database?.close().catch((e: Error) => logger.error(e.message));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    const config = loadConfig();
    database = await openDatabase(config, {
      notice: (message) => logger.warn(message),
      // The app's own embedded server died (killed, crashed): nothing can be recorded any more; one line, exit 1.
      onServerLost: (reason) => {
        if (stopping) return; // the terminal's Ctrl-C reaches the server too: it stops with the app
        logger.error(serverLostMessage(reason));
        process.exit(1);
      },
    });
    logger.log(`database: ${database.kind} ${redact(database.url)}`);
    const applied = await runMigrations(database.pool, definition.migrations);
    if (applied.length) logger.log(`migrations applied: ${applied.join(', ')}`);
    app = await NestFactory.create(definition.module({ config, database }), {
      logger: levelsFrom(config.logLevel),
      abortOnError: false,
      bodyParser: false, // configureHttp installs the app's own (limits, depth)
    });
    app.use(inFlight.middleware);
    configureHttp(app);
    await app.listen(config.port, config.host);
    logger.log(
      `listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (OpenAPI: /docs)`,
    );
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
