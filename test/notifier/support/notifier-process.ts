import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** apps/notifier/src/worker.ts as a child process, as `npm run cluster:local` runs it; its progress lines followed. */
export class NotifierProcess {
  sent = 0;
  handled = 0;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | string | null>;
  private lines: string[] = [];

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'run.cjs'), 'apps/notifier/src/worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(signal ?? code)));
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        this.lines = [...this.lines.slice(-50), line];
        const match = /^notifier sent=(\d+) .* handled=(\d+)/.exec(line);
        if (match) {
          this.sent = Number(match[1]);
          this.handled = Number(match[2]);
        }
      }
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
  }

  get output(): string {
    return this.lines.join('\n');
  }

  /** SIGTERM: leaves the group, finishes the message in hand, exits 0. */
  async stop(): Promise<number | string | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
