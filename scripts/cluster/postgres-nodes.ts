import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import {
  EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  REPLICATION_HBA,
  copyPrimaryForStandby,
  postgresUrl,
  standbyOptions,
} from '@app/platform';
import type { RunningProcess } from './running-process';
import type { ProcessProbe, ProcessSpec } from './supervisor';

export const DATABASE = 'dossier_tracker';
const SLOT = 'cluster_standby';

/**
 * PostgreSQL primary and its streaming standby (the embedded PostgreSQL 18 binaries, EmbeddedPostgres): the
 * standby's data directory is made once as a copy of the primary's (copyPrimaryForStandby), then it follows the
 * primary's WAL through a physical slot and answers the reporting app's reads. Its lag is read on the primary
 * (pg_stat_replication: bytes not replayed yet, and the replay delay).
 */
export class PostgresPair {
  readonly primaryOptions: EmbeddedPostgresOptions;
  readonly standbyOptions: EmbeddedPostgresOptions;
  private primaryServer?: EmbeddedPostgres;
  private probes?: { primary: Pool; standby: Pool };

  constructor(
    private readonly dir: string,
    ports: { primary: number; standby: number },
    private readonly logDir: string,
    settings: Record<string, string> = {},
  ) {
    const common = { max_connections: '300', shared_buffers: '128MB', hot_standby_feedback: 'on', ...settings };
    this.primaryOptions = {
      detached: true,
      dataDir: path.join(dir, 'postgres', 'primary'),
      port: ports.primary,
      hba: REPLICATION_HBA,
      settings: common,
    };
    this.standbyOptions = {
      detached: true,
      dataDir: path.join(dir, 'postgres', 'standby'),
      port: ports.standby,
      settings: common,
    };
  }

  /** The standby's data directory, made from the primary's the first time (the primary stopped meanwhile). */
  prepare(): Promise<void> {
    fs.mkdirSync(path.join(this.dir, 'postgres'), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(this.dir, 'postgres'), 0o755);
    return copyPrimaryForStandby({
      primary: this.primaryOptions,
      standby: this.standbyOptions,
      slot: SLOT,
      databases: [DATABASE],
    });
  }

  primaryUrl(database = DATABASE): string {
    return postgresUrl({ port: this.primaryOptions.port, password: this.password() }, database);
  }

  standbyUrl(database = DATABASE): string {
    return postgresUrl({ port: this.standbyOptions.port, password: this.password() }, database);
  }

  specs(): ProcessSpec[] {
    return [
      {
        name: 'postgres-primary',
        launch: async () => {
          const { server, running } = await launch(this.primaryOptions, this.logFile('postgres-primary'));
          this.primaryServer = server;
          return running;
        },
        probe: () => this.probePrimary(),
      },
      {
        name: 'postgres-standby',
        launch: async () => {
          if (!this.primaryServer) throw new Error('the primary has not started');
          const standby = { ...this.standbyOptions, standby: standbyOptions(this.primaryServer, SLOT, 'standby') };
          return (await launch(standby, this.logFile('postgres-standby'))).running;
        },
        probe: () => this.probeStandby(),
      },
    ];
  }

  /** Bytes of WAL the standby has not replayed, and how long ago the last one it replayed was written. */
  async standbyLag(): Promise<{ bytes: number; seconds: number } | undefined> {
    const { rows } = await this.pools().primary.query<{ bytes: string | null; seconds: string | null }>(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS bytes,
              COALESCE(EXTRACT(epoch FROM replay_lag), 0)::text AS seconds
         FROM pg_stat_replication WHERE application_name = 'standby'`,
    );
    const row = rows[0];
    if (!row || row.bytes === null) return undefined;
    return { bytes: Number(row.bytes), seconds: Number(row.seconds ?? 0) };
  }

  async close(): Promise<void> {
    const pools = this.probes;
    this.probes = undefined;
    await Promise.all([pools?.primary.end(), pools?.standby.end()]);
  }

  private async probePrimary(): Promise<ProcessProbe> {
    await this.pools().primary.query('SELECT 1');
    return { healthy: true };
  }

  private async probeStandby(): Promise<ProcessProbe> {
    const { rows } = await this.pools().standby.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
    const lag = await this.standbyLag().catch(() => undefined);
    if (!lag) return { healthy: false, detail: 'not streaming' };
    return {
      healthy: rows[0]?.r === true,
      lag: lag.bytes,
      detail: `replay ${formatBytes(lag.bytes)} / ${lag.seconds.toFixed(1)} s`,
    };
  }

  private pools(): { primary: Pool; standby: Pool } {
    if (!this.probes) {
      const pool = (url: string): Pool => {
        const p = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000 });
        p.on('error', () => undefined);
        return p;
      };
      this.probes = { primary: pool(this.primaryUrl('postgres')), standby: pool(this.standbyUrl('postgres')) };
    }
    return this.probes;
  }

  private password(): string {
    return fs.readFileSync(`${path.resolve(this.primaryOptions.dataDir)}-password`, 'utf8').trim();
  }

  private logFile(name: string): string {
    return path.join(this.logDir, `${name}.log`);
  }
}

async function launch(
  options: EmbeddedPostgresOptions,
  logFile: string,
): Promise<{ server: EmbeddedPostgres; running: RunningProcess }> {
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  let ended!: (reason: string) => void;
  const exited = new Promise<string>((resolve) => (ended = resolve));
  const server = new EmbeddedPostgres({
    ...options,
    log: (line) => log.write(`${line}\n`),
    notice: (line) => log.write(`${line}\n`),
    onUnexpectedExit: (reason) => ended(reason),
  });
  try {
    await server.start();
  } catch (error) {
    log.end();
    throw error;
  }
  const pid = server.pid;
  return {
    server,
    running: {
      pid,
      exited,
      signal: (signal) => {
        if (pid) process.kill(pid, signal);
      },
      stop: async () => {
        await server.stop();
        log.end();
        ended('stopped');
      },
    },
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
