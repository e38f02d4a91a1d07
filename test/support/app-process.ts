import { type ChildProcess, spawn } from 'node:child_process';
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

/** Spawns the app; with `waitForHealth` (the default) resolves once /health answers, else at once. */
export async function spawnApp(
  dataDir: string,
  options: { port?: number; waitForHealth?: boolean } = {},
): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TOKEN_SECRET: APP_TOKEN_SECRET,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // the embedded PostgreSQL of DATA_DIR, as `npm start` without configuration
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
      if ((await fetch(`${app.url}/health`)).ok) return app;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const RECEIPT_UNIT = 'tth-hcc-hue';

/** POST /api/v1/dossiers as a clerk of RECEIPT_UNIT with an Idempotency-Key. */
export function sendReceipt(url: string, key: string): Promise<Response> {
  const token = signToken(
    { subject: `clerk-${RECEIPT_UNIT}`, role: 'clerk', units: [RECEIPT_UNIT] },
    APP_TOKEN_SECRET,
    600,
  );
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
