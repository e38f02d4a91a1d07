import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, signToken } from '@app/platform';

const ROOT = path.resolve(__dirname, '..', '..');
export const APP_TOKEN_SECRET = 'crash-test-secret-crash-test-secret-0001';

/**
 * `npm start` as a child process (`node scripts/run.cjs apps/standalone/src/main.ts`) on a data folder of its own,
 * with its embedded PostgreSQL: for the tests that kill it and start it again.
 */
export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the app printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** SIGKILL (no clean-up at all) and waits for the end. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop) and waits for the end. */
  stop(): Promise<number | NodeJS.Signals | null>;
}

export function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-crash-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/**
 * Spawns the app; with `waitForHealth` (the default) resolves once /health answers, else at once. `env` adds to (or
 * overrides) the app's environment, e.g. `{ LOG_LEVEL: 'debug', KAFKA_BROKERS: … }`.
 */
export async function spawnApp(
  dataDir: string,
  options: { port?: number; waitForHealth?: boolean; env?: Record<string, string> } = {},
): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const env = { ...appEnv(dataDir), ...options.env, PORT: String(port), HOST: '127.0.0.1' };
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run.cjs'), 'apps/standalone/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const app: AppProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  if (options.waitForHealth === false) return app;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the app exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      await app.kill();
      throw new Error(`the app did not answer /health within 90 s:\n${output}`);
    }
    try {
      if ((await fetch(`${app.url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!withReceiptClerk.has(dataDir)) {
    await addClerkAccount(appEnv(dataDir), RECEIPT_CLERK, RECEIPT_UNIT);
    withReceiptClerk.add(dataDir);
  }
  return app;
}

/** The environment of `npm start` (and of `npm run dossier`) on the data folder: its embedded PostgreSQL. */
function appEnv(dataDir: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    TOKEN_SECRET: APP_TOKEN_SECRET,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // the embedded PostgreSQL of DATA_DIR, as `npm start` without configuration
  return env;
}

export const RECEIPT_UNIT = 'tth-hcc-hue';
/** The account sendReceipt's token names: a clerk of RECEIPT_UNIT, on every data folder once the app answered. */
export const RECEIPT_CLERK = `clerk-${RECEIPT_UNIT}`;
/** The data folders whose database holds RECEIPT_CLERK already (made once per folder). */
const withReceiptClerk = new Set<string>();

/**
 * `npm run dossier -- user add … --role clerk --unit <unit>` with the app's environment (DATA_DIR: the CLI attaches to
 * the running app's embedded server, or starts it; DATABASE_URL: that database): a real account, as an administrator
 * makes one.
 */
export async function addClerkAccount(
  env: Record<string, string | undefined>,
  username: string,
  unit: string,
): Promise<void> {
  await addAccount(env, { username, name: 'Cán bộ tiếp nhận (kiểm thử)', role: 'clerk', unit });
}

/**
 * `npm run dossier -- user add --username U --name N --role R [--unit U]` with the app's environment (see
 * addClerkAccount), with a password the policy accepts; without `unit`, the CLI's default (`*` for admin, auditor).
 */
export async function addAccount(
  env: Record<string, string | undefined>,
  account: { username: string; name: string; role: string; unit?: string },
): Promise<void> {
  const args = [
    path.join(ROOT, 'scripts/run.cjs'),
    'scripts/cli/main.ts',
    'user',
    'add',
    '--username',
    account.username,
    '--name',
    account.name,
    '--role',
    account.role,
    ...(account.unit !== undefined ? ['--unit', account.unit] : []),
    '--password',
    'Một-cửa liên thông, quầy số 7 (kiểm thử)',
  ];
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: ROOT, env, timeout: 90_000 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`user add ${account.username} failed: ${error.message}\n${stdout}${stderr}`))
        : resolve(),
    ),
  );
}

/** An administrator of every unit, for the spawned apps' admin-only endpoints (an applicant's erasure…). */
export const APP_ADMIN = 'admin-app-process';
/** The accounts made on each data folder by appAccountToken. */
const madeAccounts = new Map<string, Set<string>>();

/**
 * Makes the account on the data folder of a running spawned app (once per folder: `user add` through the CLI, as
 * RECEIPT_CLERK is made) and returns a token naming it.
 */
export async function appAccountToken(
  dataDir: string,
  account: { username: string; name: string; role: string; unit?: string },
): Promise<string> {
  const made = madeAccounts.get(dataDir) ?? new Set<string>();
  if (!made.has(account.username)) {
    await addAccount(appEnv(dataDir), account);
    made.add(account.username);
    madeAccounts.set(dataDir, made);
  }
  return appToken(account.username);
}

/** A token naming APP_ADMIN, made on the data folder if need be. */
export function adminToken(dataDir: string): Promise<string> {
  return appAccountToken(dataDir, { username: APP_ADMIN, name: 'Quản trị viên (kiểm thử)', role: 'admin' });
}

/** A token naming a supervisor of RECEIPT_UNIT (entry corrections), made on the data folder if need be. */
export function supervisorToken(dataDir: string): Promise<string> {
  return appAccountToken(dataDir, {
    username: `supervisor-${RECEIPT_UNIT}`,
    name: 'Giám sát bộ phận một cửa (kiểm thử)',
    role: 'supervisor',
    unit: RECEIPT_UNIT,
  });
}

/** A token for an account of the spawned apps (signed with their TOKEN_SECRET, like `npm run dossier -- token`). */
export function appToken(username: string, seconds = 600): string {
  return signToken(username, APP_TOKEN_SECRET, seconds);
}

/** POST /api/v1/dossiers as RECEIPT_CLERK with an Idempotency-Key. */
export function sendReceipt(url: string, key: string): Promise<Response> {
  const token = appToken(RECEIPT_CLERK);
  return fetch(`${url}/api/v1/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify({
      procedureCode: 'H-HKD-01',
      receivingUnitId: RECEIPT_UNIT,
      channel: 'counter',
      receivedAt: '2020-09-01T02:00:00Z',
    }),
  });
}

/** Whether a process runs (the embedded postmaster, after its owner was killed). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) [ZX]/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The pid in `<dataDir>/postgres/postmaster.pid`, if the file is there. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** A stack trace line, as Node prints them. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;
