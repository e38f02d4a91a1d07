import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { signToken } from '@app/platform';
import { type AppEnvironment, type AppInstance, appSpec, availableAppProcesses } from './app-processes';
import { clusterLayout } from './cluster-layout';
import { KafkaNodes } from './kafka-nodes';
import { nginxSpec } from './nginx';
import { PostgresPair } from './postgres-nodes';
import { spawnProcess } from './running-process';
import { type ProcessSpec, type ProcessStatus, SupervisedProcess } from './supervisor';

const ROOT = path.resolve(__dirname, '..', '..');
/** The account the cluster's own requests come from (/health details, the fault test's receipts). */
export const CLUSTER_CLERK = 'cluster-clerk';
export const CLUSTER_UNITS = ['hue-pvhcc'];

export interface ClusterOptions {
  /** The cluster's folder: data, logs (`logs/<name>.log`), nginx's configuration; kept between runs. */
  dir: string;
  /** nginx's port (default: the one chosen the first time, else a free one). */
  port?: number;
  /** Supervisor lines (a process ended, restarted). */
  log?: (line: string) => void;
  /** Extra PostgreSQL settings for both servers. */
  postgresSettings?: Record<string, string>;
}

export interface Cluster {
  /** nginx: the one address clients use. */
  url: string;
  dir: string;
  databaseUrl: string;
  standbyUrl: string;
  brokers: string[];
  /** The SMTP sink's log of messages (one JSON line each). */
  mailLog: string;
  /** Names of the processes, in start order. */
  processes: string[];
  /** A bearer token naming the cluster's clerk (valid an hour from the call). */
  token(): string;
  kill(name: string, signal?: NodeJS.Signals): void;
  /** Stop restarting `name` when it ends (release() resumes). */
  hold(name: string): void;
  release(name: string): void;
  /** Resolves once every process is up and healthy (probed now), or rejects after `timeoutMs`. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** Every process: pid, up/down, restarts, health and lag (probed now). */
  status(): Promise<ProcessStatus[]>;
  stop(): Promise<void>;
}

/** Starts the whole cluster, each process supervised; see README § Distributed mode on one machine. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = path.resolve(options.dir);
  const logDir = path.join(dir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const log = options.log ?? (() => undefined);
  const kinds = availableAppProcesses();
  const instances: AppInstance[] = kinds.flatMap((kind) =>
    Array.from({ length: kind.count }, (_, i) => ({ name: `${kind.kind}-${i + 1}`, kind, port: 0 })),
  );
  const layout = await clusterLayout(
    dir,
    instances.map((i) => i.name),
    options.port,
  );
  for (const instance of instances) instance.port = layout.apps[instance.name] as number;

  const postgres = new PostgresPair(dir, layout.postgres, logDir, options.postgresSettings);
  const kafka = new KafkaNodes(dir, layout.kafka, logDir);
  const mailLog = path.join(dir, 'mail', 'messages.jsonl');
  fs.mkdirSync(path.dirname(mailLog), { recursive: true });
  let token: { value: string; until: number } | undefined;
  const currentToken = (): string => {
    if (!token || token.until < Date.now()) {
      token = { value: signToken(CLUSTER_CLERK, layout.tokenSecret, 2 * 3600), until: Date.now() + 3600_000 };
    }
    return token.value;
  };
  const environment: AppEnvironment = {
    databaseUrl: '',
    readDatabaseUrl: '',
    kafkaBrokers: kafka.brokers,
    smtpUrl: `smtp://127.0.0.1:${layout.smtp}`,
    tokenSecret: layout.tokenSecret,
    keysDir: path.join(dir, 'keys'),
    dataDir: path.join(dir, 'app-data'),
  };

  const supervised = new Map<string, SupervisedProcess>();
  const add = (spec: ProcessSpec): SupervisedProcess => {
    const process = new SupervisedProcess(spec, log);
    supervised.set(spec.name, process);
    return process;
  };
  const startAll = (specs: ProcessSpec[]): Promise<void[]> => Promise.all(specs.map((s) => add(s).start()));
  const probing: { timer?: NodeJS.Timeout } = {};

  const stop = async (): Promise<void> => {
    clearInterval(probing.timer);
    for (const p of supervised.values()) p.quiesce();
    // the reverse of the start: clients' door first, the engines last
    const order = [...supervised.values()].reverse();
    const engines = order.filter((p) => /^(postgres|kafka)/.test(p.spec.name));
    await Promise.all(order.filter((p) => !engines.includes(p)).map((p) => p.stop().catch(() => undefined)));
    await Promise.all(engines.filter((p) => p.spec.name.startsWith('kafka')).map((p) => p.stop()));
    for (const p of engines.filter((p) => p.spec.name.startsWith('postgres')).reverse()) await p.stop();
    await postgres.close();
  };

  try {
    log('PostgreSQL primary and standby…');
    await postgres.prepare();
    const [primary, standby] = postgres.specs() as [ProcessSpec, ProcessSpec];
    await add(primary).start();
    await add(standby).start();
    environment.databaseUrl = postgres.primaryUrl();
    environment.readDatabaseUrl = postgres.standbyUrl();
    log('Kafka (3 nodes, KRaft)…');
    await kafka.prepare();
    await startAll(kafka.specs());
    await kafka.ensureTopic();
    await add(smtpSinkSpec(layout.smtp, mailLog, logDir)).start();
    log('apps…');
    const specs = instances.map((i) => appSpec(i, environment, logDir, currentToken));
    const [first, ...rest] = specs;
    if (first) await add(first).start(); // its migrations first, then the others in parallel
    await ensureClusterClerk(environment);
    await startAll(rest);
    await add(
      nginxSpec({
        port: layout.nginx,
        upstreams: {
          intake: instances.filter((i) => i.kind.upstream === 'intake').map((i) => i.port),
          reporting: instances.filter((i) => i.kind.upstream === 'reporting').map((i) => i.port),
        },
        dir: path.join(dir, 'nginx'),
        logDir,
      }),
    ).start();
  } catch (error) {
    await stop();
    throw error;
  }

  const probeAll = async (): Promise<void> => {
    await Promise.all(
      [...supervised.values()].map(async (p) => {
        if (p.status().state !== 'up' || !p.spec.probe) return;
        p.lastProbe = await p.spec.probe().catch((error: Error) => ({ healthy: false, detail: error.message }));
      }),
    );
  };
  probing.timer = setInterval(() => void probeAll(), 2000);
  probing.timer.unref();
  const get = (name: string): SupervisedProcess => {
    const process = supervised.get(name);
    if (!process) throw new Error(`no process ${name} (${[...supervised.keys()].join(', ')})`);
    return process;
  };
  return {
    url: `http://127.0.0.1:${layout.nginx}`,
    dir,
    databaseUrl: environment.databaseUrl,
    standbyUrl: environment.readDatabaseUrl,
    brokers: kafka.brokers,
    mailLog,
    processes: [...supervised.keys()],
    token: currentToken,
    kill: (name, signal = 'SIGKILL') => get(name).signal(signal),
    hold: (name) => get(name).hold(),
    release: (name) => get(name).release(),
    waitHealthy: async (timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await probeAll();
        const sick = [...supervised.values()]
          .map((p) => p.status())
          .filter((s) => s.state !== 'up' || s.probe?.healthy === false);
        if (sick.length === 0) return;
        if (Date.now() > deadline)
          throw new Error(`not healthy within ${timeoutMs / 1000} s: ${sick.map((s) => s.name).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    status: async () => {
      await probeAll();
      return [...supervised.values()].map((p) => p.status());
    },
    stop,
  };
}

function smtpSinkSpec(port: number, mailLog: string, logDir: string): ProcessSpec {
  return {
    name: 'smtp-sink',
    launch: () =>
      spawnProcess({
        command: process.execPath,
        args: [path.join(ROOT, 'scripts', 'run.cjs'), 'scripts/cluster/smtp-sink.ts', String(port), mailLog],
        cwd: ROOT,
        logFile: path.join(logDir, 'smtp-sink.log'),
        ready: { line: /smtp sink listening/ },
        timeoutMs: 60_000,
      }),
  };
}

/** The cluster's clerk account (as an administrator makes one: `npm run dossier -- user add`), once. */
async function ensureClusterClerk(environment: AppEnvironment): Promise<void> {
  const env = {
    ...process.env,
    DATABASE_URL: environment.databaseUrl,
    KEYS_DIR: environment.keysDir,
    LOG_LEVEL: 'warn',
  };
  const cli = (args: string[]): Promise<string> =>
    new Promise((resolve, reject) =>
      execFile(
        process.execPath,
        [path.join(ROOT, 'scripts', 'run.cjs'), 'scripts/cli/main.ts', 'user', ...args],
        { cwd: ROOT, env, timeout: 120_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`${stdout}${stderr}`)) : resolve(stdout)),
      ),
    );
  try {
    await cli(['show', '--username', CLUSTER_CLERK]);
    return;
  } catch {
    // not there yet
  }
  await cli([
    'add',
    '--username',
    CLUSTER_CLERK,
    '--name',
    'Cán bộ tiếp nhận (cụm thử nghiệm)',
    '--role',
    'clerk',
    '--unit',
    CLUSTER_UNITS.join(','),
    '--password',
    `${environment.tokenSecret.slice(0, 24)}-Aa1!`,
  ]);
}
