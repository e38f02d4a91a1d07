import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@app/platform';
import { type KafkaDistribution, ensureKafkaDistribution } from './kafka-distribution';
import { brokerProperties, jvmArguments } from './kafka-settings';

export interface LocalKafkaOptions {
  /** Keep the broker's data here (reused across starts); default: a fresh temporary folder removed on stop. */
  dataDir?: string;
  /** Client port (default: a free one). */
  port?: number;
  /** Default partitions of auto-created topics (default 6). */
  partitions?: number;
  /** JVM heap, e.g. '512m' (default 384m). */
  heap?: string;
  /** C1-only JIT: faster start, lower peak throughput (default true; benches pass false). */
  quickJit?: boolean;
  /** Each line the broker prints (it prints warnings and "started"). */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

/** A single-node Kafka (KRaft broker + controller) on loopback ports, run from the Maven Central jars. */
export interface LocalKafka {
  readonly brokers: string[];
  readonly dataDir: string;
  readonly pid: number | undefined;
  /** Clean stop (SIGTERM, then SIGKILL after 20 s); removes a temporary data folder. */
  stop(): Promise<void>;
  /** Stops and starts again on the same ports and data (clients reconnect). */
  restart(): Promise<void>;
  /** Stops the broker but keeps its data and ports, for `start()` (a broker outage). */
  halt(): Promise<void>;
  /** Starts a halted broker again. */
  start(): Promise<void>;
}

const STARTED = /Kafka Server started/;

export async function startLocalKafka(options: LocalKafkaOptions = {}): Promise<LocalKafka> {
  const distribution = await ensureKafkaDistribution(options.log);
  const brokerPort = await freePort();
  const broker = new LocalKafkaBroker(distribution, options, brokerPort, await freePort([brokerPort]));
  try {
    await broker.start();
  } catch (error) {
    await broker.stop(); // removes a temporary data folder
    throw error;
  }
  return broker;
}

class LocalKafkaBroker implements LocalKafka {
  readonly brokers: string[];
  readonly dataDir: string;
  private readonly root: string;
  private readonly temporary: boolean;
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private recent: string[] = [];
  private archiveTarget?: string;

  constructor(
    private readonly distribution: KafkaDistribution,
    private readonly options: LocalKafkaOptions,
    private readonly port: number,
    private readonly controllerPort: number,
  ) {
    this.temporary = !options.dataDir;
    this.root = options.dataDir
      ? path.resolve(options.dataDir)
      : fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-kafka-'));
    this.dataDir = path.join(this.root, 'data');
    this.brokers = [`127.0.0.1:${options.port ?? port}`];
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (!fs.existsSync(path.join(this.dataDir, 'meta.properties')))
      fs.cpSync(this.distribution.template, this.dataDir, { recursive: true });
    const propertiesFile = path.join(this.root, 'server.properties');
    fs.writeFileSync(
      propertiesFile,
      brokerProperties({
        port: this.options.port ?? this.port,
        controllerPort: this.controllerPort,
        dataDir: this.dataDir,
        partitions: this.options.partitions ?? 6,
      }),
    );
    const archive = this.distribution.cdsArchive;
    const cds = fs.existsSync(archive)
      ? { use: archive }
      : { write: (this.archiveTarget = `${archive}.${process.pid}.${Date.now()}.tmp`) };
    const args = [
      ...jvmArguments({ heap: this.options.heap ?? '384m', quickJit: this.options.quickJit ?? true, cds }),
      '-cp',
      this.distribution.classpath,
      'kafka.Kafka',
      propertiesFile,
    ];
    const child = spawn('java', args, { cwd: this.root, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    killWhenParentDies(child);
    const logFile = fs.createWriteStream(path.join(this.root, 'broker.log'), { flags: 'a' });
    const started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(this.failure(`did not start within ${(this.options.startTimeoutMs ?? 60_000) / 1000} s`)),
        this.options.startTimeoutMs ?? 60_000,
      );
      const onLine = (line: string): void => {
        this.recent = [...this.recent.slice(-40), line];
        this.options.log?.(line);
        if (STARTED.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        let pending = '';
        stream?.on('data', (chunk: Buffer) => {
          logFile.write(chunk);
          const lines = (pending + chunk.toString()).split('\n');
          pending = lines.pop() ?? '';
          lines.forEach(onLine);
        });
      }
      child.once('error', (error) => reject(this.failure(error.message)));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(this.failure(`exited (${signal ?? code}) before it started`));
      });
    });
    try {
      await started;
    } catch (error) {
      await this.halt();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.halt();
    if (this.temporary) fs.rmSync(this.root, { recursive: true, force: true });
  }

  async restart(): Promise<void> {
    await this.halt();
    await this.start();
  }

  async halt(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(forced);
    this.child = undefined;
    this.keepClassArchive(child.exitCode === 0 || child.signalCode === 'SIGTERM' || child.exitCode === 143);
  }

  /** The first broker that stops cleanly leaves its class-data-sharing archive for every later start. */
  private keepClassArchive(clean: boolean): void {
    const written = this.archiveTarget;
    this.archiveTarget = undefined;
    if (!written || !fs.existsSync(written)) return;
    if (clean && !fs.existsSync(this.distribution.cdsArchive)) fs.renameSync(written, this.distribution.cdsArchive);
    else fs.rmSync(written, { force: true });
  }

  private failure(reason: string): Error {
    return new Error(`local Kafka broker ${reason}; last lines:\n${this.recent.slice(-20).join('\n')}`);
  }
}

/** If this Node process dies without stopping the broker (SIGKILL), a tiny watchdog ends the JVM. */
function killWhenParentDies(child: ChildProcess): void {
  if (!child.pid) return;
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 1; done; kill ${child.pid} 2>/dev/null`;
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  const onExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
}
