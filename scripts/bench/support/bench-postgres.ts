import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@app/platform';
import { EmbeddedPostgres } from '@app/platform';

/** A fresh database for one bench run: on DATABASE_URL's server, or on an embedded PostgreSQL started here. */
export interface BenchDatabase {
  url: string;
  /** Where it runs, for the report. */
  where: string;
  close(): Promise<void>;
}

/** The server settings of the measurements in docs/anchors.md §7.2 (fsync and synchronous_commit stay on). */
const SETTINGS = { shared_buffers: '1GB', max_wal_size: '4GB', max_connections: '200' };

/**
 * A fresh database, or — with `keep` (the benches' `--keep DIR`) — a database kept between runs under DIR on an
 * embedded PostgreSQL of its own, named by `keep.name`: the bench log is then generated once and every later bench
 * on the same log (verify, export, dashboard) reuses it (see bench-log.ts). Delete DIR to start over.
 */
export async function openBenchDatabase(keep?: { dir: string; name: string }): Promise<BenchDatabase> {
  if (keep) return keptDatabase(keep.dir, keep.name);
  if (process.env.DATABASE_URL) return withDatabase(process.env.DATABASE_URL, 'DATABASE_URL', async () => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-pg-'));
  fs.chmodSync(dir, 0o755);
  const server = new EmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    ephemeral: true,
    settings: SETTINGS,
  });
  await server.start();
  return withDatabase(
    server.url,
    `embedded PostgreSQL (${Object.entries(SETTINGS)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}, fsync on)`,
    async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
}

async function keptDatabase(dir: string, name: string): Promise<BenchDatabase> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a database name: ${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const server = new EmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), settings: SETTINGS });
  await server.start();
  const exists = await admin(server.url, `SELECT count(*)::text FROM pg_database WHERE datname = '${name}'`);
  if (exists === '0') await admin(server.url, `CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const version = await admin(url.toString(), 'SHOW server_version');
  return {
    url: url.toString(),
    where: `embedded PostgreSQL kept in ${dir} (${Object.entries(SETTINGS)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}, fsync on), database ${name}, PostgreSQL ${version}`,
    close: async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await server.stop();
    },
  };
}

async function withDatabase(serverUrl: string, where: string, stop: () => Promise<void>): Promise<BenchDatabase> {
  const name = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const version = await admin(url.toString(), 'SHOW server_version');
  return {
    url: url.toString(),
    where: `${where}, PostgreSQL ${version}`,
    close: async () => {
      await new Promise((resolve) => setTimeout(resolve, 200)); // let closed pools finish closing their sockets
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await stop();
    },
  };
}

async function admin(url: string, sql: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<Record<string, string>>(sql);
    return Object.values(result.rows[0] ?? {})[0] ?? '';
  } finally {
    await client.end();
  }
}
