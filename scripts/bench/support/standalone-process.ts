import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedServerState, freePort, postgresUrl } from '@app/platform';

/** The real standalone app (`npm start`), or another app's entry, in a child process on a throw-away data folder, for load tests. */
export interface StandaloneProcess {
  url: string;
  tokenSecret: string;
  /** The app's process id. */
  pid: number | undefined;
  /** The database the app works on: DATABASE_URL, or its embedded server's (found as the CLI finds it). */
  databaseUrl(): string;
  /** Everything the app printed so far. */
  output(): string;
  /** SIGTERM, then waits for the exit; resolves with the exit code. Removes the data folder unless it was given. */
  stop(): Promise<number | null>;
}

export async function startStandalone(
  env: Record<string, string> = {},
  entry = 'apps/standalone/src/main.ts',
  options: { dataDir?: string } = {},
): Promise<StandaloneProcess> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const tokenSecret = 'bench-secret-bench-secret-bench-secret-00';
  const nodeFlags = process.env.BENCH_APP_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, path.join(root, 'scripts/run.cjs'), entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      TOKEN_SECRET: tokenSecret,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
    if (process.env.BENCH_APP_LOG) process.stderr.write(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the app did not answer /health within 60 s:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    tokenSecret,
    pid: child.pid,
    databaseUrl: () => {
      const url = env.DATABASE_URL ?? process.env.DATABASE_URL;
      if (url) return url;
      const server = embeddedServerState(path.join(dataDir, 'postgres'));
      if (server.kind !== 'running') throw new Error(`the app's embedded PostgreSQL is not running (${server.kind})`);
      return postgresUrl(server.address, 'dossier_tracker');
    },
    output: () => output,
    stop: async () => {
      const exited =
        child.exitCode !== null
          ? Promise.resolve(child.exitCode)
          : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      const code = await exited;
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
