import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client, Pool } from 'pg';
import type { AppConfig } from '../config/config';
import { EmbeddedPostgres } from './embedded-postgres';
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

/**
 * Opens the configured database. Without DATABASE_URL it starts the embedded PostgreSQL on `<dataDir>/postgres`;
 * with `attach: true` (the CLI) it uses the embedded server of a running `npm start` instead of failing.
 */
export async function openDatabase(
  config: AppConfig,
  options: { attach?: boolean; log?: (line: string) => void } = {},
): Promise<Database> {
  if (config.databaseUrl) return withPool(config.databaseUrl, 'external', config, async () => undefined);
  const dataDir = path.join(config.dataDir, 'postgres');
  const running = options.attach ? liveAddress(dataDir) : undefined;
  if (running) return withPool(await ensureDatabase(running), 'attached', config, async () => undefined);

  const server = new EmbeddedPostgres({
    dataDir,
    // Never the HTTP port: it is free now only because the app has not bound it yet.
    port: config.embeddedPostgresPort || (await freePort([config.port])),
    settings: { max_connections: '200', shared_buffers: '256MB' },
    log: options.log,
  });
  await server.start();
  try {
    return await withPool(await ensureDatabase(server.address), 'embedded', config, () => server.stop());
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function withPool(url: string, kind: Database['kind'], config: AppConfig, stop: () => Promise<void>): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: config.databasePoolSize });
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

/** How to reach a live embedded server on this data directory, from its postmaster.pid. */
function liveAddress(dataDir: string): PostgresAddress | undefined {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    process.kill(Number(lines[0]), 0);
    const port = Number(lines[3]);
    if (!port) return undefined;
    const socketDir = lines[4]?.trim();
    return { port, socketDir: socketDir && fs.existsSync(path.join(socketDir, `.s.PGSQL.${port}`)) ? socketDir : undefined };
  } catch {
    return undefined;
  }
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
