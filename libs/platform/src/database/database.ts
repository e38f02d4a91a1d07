import type { EventEmitter } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { Client, type ClientConfig, Pool } from 'pg';
import type { AppConfig } from '../config/config';
import { EmbeddedPostgres, embeddedServerState } from './embedded-postgres';
import { type PostgresAddress, postgresUrl } from './postgres-address';

/** The PostgreSQL the process works with: an external server (DATABASE_URL) or the embedded one. */
export interface Database {
  url: string;
  pool: Pool;
  /** 'external' (DATABASE_URL), 'embedded' (started and owned by this process) or 'attached' (another process's embedded server). */
  kind: 'external' | 'embedded' | 'attached';
  close(): Promise<void>;
}

const DATABASE_NAME = 'dossier_tracker';

export interface OpenDatabaseOptions {
  /** Use the embedded server of a running `npm start` (the CLI) instead of refusing to start a second one. */
  attach?: boolean;
  /** The embedded server's own output. */
  log?: (line: string) => void;
  /** What the embedded server's start-up did that the user should hear of (e.g. a server left running was stopped). */
  notice?: (message: string) => void;
  /**
   * Called once if the embedded server this process started ends under it (killed, crashed): nothing can work
   * without it. The default prints one line and exits with code 1.
   */
  onServerLost?: (reason: string) => void;
}

/**
 * Opens the configured database. Without DATABASE_URL it starts the embedded PostgreSQL on `<dataDir>/postgres`
 * (stopping first a server that a killed process left running there); with `attach: true` (the CLI) it uses the
 * embedded server of a running `npm start` instead of failing.
 */
export async function openDatabase(config: AppConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  if (config.databaseUrl) return withPool(config.databaseUrl, 'external', config, async () => undefined);
  const dataDir = path.join(config.dataDir, 'postgres');
  const running = options.attach ? embeddedServerState(dataDir) : undefined;
  if (running?.kind === 'running')
    return withPool(await ensureDatabase(running.address), 'attached', config, async () => undefined);

  const onServerLost = options.onServerLost ?? exitOnServerLost;
  const server = new EmbeddedPostgres({
    dataDir,
    // Never the HTTP port: it is free now only because the app has not bound it yet.
    port: config.embeddedPostgresPort || (await freePort([config.port])),
    settings: { max_connections: '200', shared_buffers: '256MB' },
    log: options.log,
    notice: options.notice ?? ((message) => process.stderr.write(`${message}\n`)),
    onUnexpectedExit: onServerLost,
  });
  await server.start();
  try {
    // A broken connection is often the first sign of a server that died: check at once, before its error travels on.
    return await withPool(
      await ensureDatabase(server.address),
      'embedded',
      config,
      () => server.stop(),
      () => server.checkAlive(),
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The embedded server died: one line, exit code 1. */
export function exitOnServerLost(reason: string): void {
  process.stderr.write(`${serverLostMessage(reason)}\n`);
  process.exit(1);
}

export function serverLostMessage(reason: string): string {
  return `The embedded PostgreSQL stopped unexpectedly (${reason}): stopping.`;
}

async function withPool(
  url: string,
  kind: Database['kind'],
  config: AppConfig,
  stop: () => Promise<void>,
  onConnectionClosed?: () => void,
): Promise<Database> {
  const pool = new Pool({
    connectionString: url,
    max: config.databasePoolSize,
    ...(onConnectionClosed ? { Client: watchedClient(onConnectionClosed) } : {}),
  });
  pool.on('error', () => undefined); // idle clients dropped by a stopping server; queries still report errors
  await pool.query('SELECT 1');
  return {
    url,
    pool,
    kind,
    close: async () => {
      await pool.end();
      await stop();
    },
  };
}

/**
 * A pg Client that calls `onClosed` when its connection fails, ends or is told by the server that it is being
 * terminated (a FATAL message, e.g. "terminating connection due to unexpected postmaster exit"): synchronously,
 * before the client handles it, so before a query's error reaches its caller or an idle checked-out client emits
 * 'error'. A dead server is thus noticed before anyone reports its consequences.
 */
function watchedClient(onClosed: () => void): typeof Client {
  return class WatchedClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      const connection = (this as unknown as { connection: EventEmitter }).connection;
      connection.on('error', onClosed);
      connection.on('end', onClosed);
      connection.on('errorMessage', (message: { severity?: string }) => {
        if (message.severity === 'FATAL' || message.severity === 'PANIC') onClosed();
      });
    }
  };
}

async function ensureDatabase(address: PostgresAddress): Promise<string> {
  const admin = new Client({ connectionString: postgresUrl(address, 'postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return postgresUrl(address, DATABASE_NAME);
}

/** A TCP port free on 127.0.0.1 now, other than `avoid` (ports about to be taken by this process). */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (;;) {
    const port = await anyFreePort();
    if (!avoid.includes(port)) return port;
  }
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
