import type { RunningProcess } from './running-process';

/** A process of the cluster: how to start one run of it, and what it reports (health, lag) while it runs. */
export interface ProcessSpec {
  name: string;
  /** Starts one run; resolves once the process is ready. */
  launch(): Promise<RunningProcess>;
  /** Health and lag while it runs (a /health, a SQL query); undefined: nothing to ask. */
  probe?(): Promise<ProcessProbe>;
}

export interface ProcessProbe {
  healthy: boolean;
  /** What the status table shows in its lag column ("12 ev", "0 B / 0.0 s"); `lag` for the tests. */
  detail?: string;
  lag?: number;
  /** Holds the lock of its kind (the active projector or relay). */
  active?: boolean;
}

export type ProcessState = 'starting' | 'up' | 'down' | 'stopped';

export interface ProcessStatus {
  name: string;
  pid: number | undefined;
  state: ProcessState;
  restarts: number;
  lastExit?: string;
  probe?: ProcessProbe;
}

const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;
/** A run that lasted this long resets the back-off. */
const STABLE_MS = 30_000;

/**
 * Keeps one process running: starts it, and when it ends without being asked to, starts it again after a pause
 * that doubles from 0.5 s up to 10 s (reset once a run lasted 30 s). `hold()` stops restarting it (the fault test's
 * "stay down"), `release()` resumes.
 */
export class SupervisedProcess {
  private run?: RunningProcess;
  private state: ProcessState = 'stopped';
  private restarts = 0;
  private failures = 0;
  private lastExit?: string;
  private stopping = false;
  private held = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  lastProbe?: ProcessProbe;

  constructor(
    readonly spec: ProcessSpec,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts the first run; resolves once it is ready (rejects if it cannot start at all). */
  async start(): Promise<void> {
    this.stopping = false;
    this.state = 'starting';
    this.run = await this.spec.launch();
    this.state = 'up';
    this.loop = this.watch();
  }

  get pid(): number | undefined {
    return this.state === 'up' ? this.run?.pid : undefined;
  }

  status(): ProcessStatus {
    return {
      name: this.spec.name,
      pid: this.pid,
      state: this.state,
      restarts: this.restarts,
      lastExit: this.lastExit,
      probe: this.state === 'up' ? this.lastProbe : undefined,
    };
  }

  signal(signal: NodeJS.Signals): void {
    this.run?.signal(signal);
  }

  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.wake?.();
  }

  /** No restart from now on (the cluster is stopping): called on every process before any is stopped. */
  quiesce(): void {
    this.stopping = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.run?.stop();
    await this.loop;
    this.state = 'stopped';
  }

  private async watch(): Promise<void> {
    while (!this.stopping) {
      const run = this.run;
      if (!run) break;
      const started = Date.now();
      const reason = await run.exited;
      this.lastProbe = undefined;
      if (this.stopping) break;
      this.state = 'down';
      this.lastExit = reason;
      this.failures = Date.now() - started > STABLE_MS ? 1 : this.failures + 1;
      const pause = Math.min(FIRST_BACKOFF_MS * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
      this.log(`${this.spec.name} ended (${reason}); ${this.held ? 'held down' : `restarting in ${pause} ms`}`);
      await this.sleep(pause);
      while (this.held && !this.stopping) await this.sleep(60_000);
      this.run = undefined;
      while (!this.stopping && !this.run) {
        this.state = 'starting';
        try {
          this.run = await this.spec.launch();
          this.restarts++;
          this.state = 'up';
          this.log(`${this.spec.name} restarted (pid ${this.run.pid})`);
        } catch (error) {
          this.failures++;
          const again = Math.min(FIRST_BACKOFF_MS * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
          this.log(`${this.spec.name} did not start: ${(error as Error).message.split('\n')[0]}; again in ${again} ms`);
          this.state = 'down';
          await this.sleep(again);
        }
      }
      // a stop that came while a run was starting: that run is ended here
      if (this.stopping) await this.run?.stop();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
