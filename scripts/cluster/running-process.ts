import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

/** One run of a cluster process, as the supervisor sees it. */
export interface RunningProcess {
  pid: number | undefined;
  /** Resolves when the run ends, with why ("exit code 1", "SIGKILL"). */
  exited: Promise<string>;
  /** Sends a signal (the fault test's SIGKILL). */
  signal(signal: NodeJS.Signals): void;
  /** Clean stop (SIGTERM, then SIGKILL after `graceMs`); resolves once it has ended. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Every line the process prints is appended here. */
  logFile: string;
  /** Ready once a printed line matches, or once `probe` resolves true (polled every 250 ms). */
  ready: { line: RegExp } | { probe: () => Promise<boolean> };
  timeoutMs: number;
}

/** Children still running: killed if the supervisor itself exits without stopping them. */
const LIVE = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of LIVE) child.kill('SIGKILL');
});

/** Spawns a process with its output appended to its log file; resolves once it is ready, rejects if it ends first. */
export async function spawnProcess(options: SpawnOptions): Promise<RunningProcess> {
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  log.write(`--- ${new Date().toISOString()} ${options.command} ${options.args.slice(-2).join(' ')}\n`);
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group: the terminal's Ctrl-C reaches the supervisor only, which stops everything in order
    detached: true,
  });
  LIVE.add(child);
  child.once('exit', () => LIVE.delete(child));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      log.end(`--- ended: ${signal ?? `exit code ${code}`}\n`);
      resolve(signal ?? `exit code ${code}`);
    }),
  );
  let matched = false;
  let tail: string[] = [];
  const ready = options.ready;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      tail = [...tail, ...lines].slice(-15);
      if ('line' in ready && lines.some((l) => ready.line.test(l))) matched = true;
    });
  }
  child.once('error', (error) => log.write(`--- could not start: ${error.message}\n`));
  const running: RunningProcess = {
    pid: child.pid,
    exited,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    stop: async (graceMs = 15_000) => {
      running.signal('SIGTERM');
      const forced = setTimeout(() => running.signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(forced);
    },
  };
  let ended: string | undefined;
  void exited.then((reason) => (ended = reason));
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (ended !== undefined) throw new Error(`ended during start-up (${ended}):\n${tail.join('\n')}`);
    if ('line' in ready ? matched : await ready.probe().catch(() => false)) return running;
    if (Date.now() > deadline) {
      await running.stop(2000);
      throw new Error(`not ready within ${options.timeoutMs / 1000} s:\n${tail.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 'line' in ready ? 50 : 250));
  }
}
