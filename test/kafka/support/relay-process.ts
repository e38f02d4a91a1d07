import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The relay worker (apps/relay/src/worker.ts) as a child process, as it runs in production: its progress lines
 * (`relayed <n> <checkpoint>`) are followed so that a test can kill it in the middle of publishing.
 */
export class RelayProcess {
  relayed = 0;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | string | null>;
  private output: string[] = [];

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'run.cjs'), 'apps/relay/src/worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(signal ?? code)));
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        this.output = [...this.output.slice(-30), line];
        const match = /^relayed (\d+) /.exec(line);
        if (match) this.relayed = Number(match[1]);
      }
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
  }

  /** Waits until this process has relayed at least `count` events. */
  async waitForRelayed(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.relayed < count) {
      if (this.child.exitCode !== null)
        throw new Error(`relay exited (${this.child.exitCode}):\n${this.output.join('\n')}`);
      if (Date.now() > deadline)
        throw new Error(`relay relayed ${this.relayed} of ${count} within ${timeoutMs} ms:\n${this.output.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** SIGKILL: no shutdown hook, no last checkpoint; resolves once it is gone. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the worker finishes its batch and exits 0. */
  async stop(): Promise<number | string | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }

  get lastLines(): string {
    return this.output.join('\n');
  }
}
