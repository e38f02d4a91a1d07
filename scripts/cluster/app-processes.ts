import fs from 'node:fs';
import path from 'node:path';
import { spawnProcess } from './running-process';
import type { ProcessProbe, ProcessSpec } from './supervisor';

const ROOT = path.resolve(__dirname, '..', '..');

/** What every app process of the cluster is told (the README's configuration). */
export interface AppEnvironment {
  databaseUrl: string;
  readDatabaseUrl: string;
  kafkaBrokers: string[];
  smtpUrl: string;
  tokenSecret: string;
  /** KEYS_DIR shared by the processes that seal and open applicants' data. */
  keysDir: string;
  dataDir: string;
}

/**
 * One kind of app process: its entry point, how many copies, what it needs, and which /health detail is its lag.
 * Adding a kind of process to the cluster is one entry of APP_PROCESSES.
 */
export interface AppProcess {
  kind: string;
  entry: string;
  count: number;
  /** Its own variables, from the cluster's. */
  env: (cluster: AppEnvironment) => Record<string, string>;
  /** The /health detail (`details[kind]`) that carries its lag and whether it holds its lock. */
  lagDetail?: string;
  /** nginx sends it HTTP traffic (the upstream's name). */
  upstream?: 'intake' | 'reporting';
}

/**
 * Notifications each notifier sends at the same time (NOTIFIER_SENDERS): at most this many are in flight when one
 * is killed, which bounds the raw duplicate deliveries the fault test accepts. Each sender holds a connection and
 * briefly takes a second one: the pool is 2 × senders + 4 (libs/platform notifier settings).
 */
export const NOTIFIER_SENDERS = 4;

export const APP_PROCESSES: AppProcess[] = [
  { kind: 'intake', entry: 'apps/intake/src/main.ts', count: 2, upstream: 'intake', env: () => ({}) },
  {
    kind: 'reporting',
    entry: 'apps/reporting/src/main.ts',
    count: 2,
    upstream: 'reporting',
    env: (c) => ({ READ_DATABASE_URL: c.readDatabaseUrl }),
  },
  { kind: 'projector', entry: 'apps/projector/src/main.ts', count: 2, lagDetail: 'projector', env: () => ({}) },
  {
    kind: 'relay',
    entry: 'apps/relay/src/main.ts',
    count: 2,
    lagDetail: 'relay',
    env: (c) => ({ KAFKA_BROKERS: c.kafkaBrokers.join(','), KAFKA_TOPIC: 'dossier-events' }),
  },
  {
    kind: 'notifier',
    entry: 'apps/notifier/src/main.ts',
    count: 2,
    lagDetail: 'notifier',
    env: (c) => ({
      KAFKA_BROKERS: c.kafkaBrokers.join(','),
      SMTP_URL: c.smtpUrl,
      NOTIFIER_SENDERS: String(NOTIFIER_SENDERS),
      DATABASE_POOL_SIZE: String(2 * NOTIFIER_SENDERS + 4),
    }),
  },
];

/** The kinds whose entry point exists in this checkout (the notifier joins once it is there). */
export function availableAppProcesses(): AppProcess[] {
  return APP_PROCESSES.filter((p) => fs.existsSync(path.join(ROOT, p.entry)));
}

export interface AppInstance {
  name: string;
  kind: AppProcess;
  port: number;
}

/** The spec of one copy: `node scripts/run.cjs <entry>` on its port, ready once /health answers 200. */
export function appSpec(
  instance: AppInstance,
  cluster: AppEnvironment,
  logDir: string,
  token: () => string | undefined,
): ProcessSpec {
  const url = `http://127.0.0.1:${instance.port}/health`;
  const env = {
    ...process.env,
    PORT: String(instance.port),
    HOST: '127.0.0.1',
    DATABASE_URL: cluster.databaseUrl,
    DATABASE_POOL_SIZE: '8',
    TOKEN_SECRET: cluster.tokenSecret,
    KEYS_DIR: cluster.keysDir,
    DATA_DIR: cluster.dataDir,
    LOG_LEVEL: 'log',
    TZ: process.env.TZ ?? 'Asia/Ho_Chi_Minh',
    ...instance.kind.env(cluster),
  };
  return {
    name: instance.name,
    launch: () =>
      spawnProcess({
        command: process.execPath,
        args: [path.join(ROOT, 'scripts', 'run.cjs'), instance.kind.entry],
        cwd: ROOT,
        env,
        logFile: path.join(logDir, `${instance.name}.log`),
        ready: { probe: async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok },
        timeoutMs: 180_000,
      }),
    probe: () => probeHealth(url, instance.kind.lagDetail, token()),
  };
}

/** /health with the cluster's token: up or down, and the lag detail of its kind (pending events or messages). */
async function probeHealth(url: string, detail: string | undefined, token: string | undefined): Promise<ProcessProbe> {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(3000),
  });
  const body = (await response.json().catch(() => ({}))) as { details?: Record<string, unknown> };
  const probe: ProcessProbe = { healthy: response.ok };
  const info = detail ? (body.details?.[detail] as LagDetail | undefined) : undefined;
  if (!info) return probe;
  probe.active = info.state === undefined ? true : info.state === 'running';
  const lag = info.lag;
  if (lag && typeof lag === 'object' && 'pendingEvents' in lag) {
    probe.lag = lag.pendingEvents;
    probe.detail = `${lag.pendingEvents}${lag.pendingCapped ? '+' : ''} ev / ${lag.seconds.toFixed(1)} s`;
  } else if (lag && typeof lag === 'object' && 'messages' in lag) {
    probe.lag = lag.messages + (info.pending ?? 0);
    probe.detail = `${lag.messages} msg${info.pending ? `, ${info.pending} to send` : ''}`;
  } else if (info.state && info.state !== 'running') {
    probe.detail = info.state; // the standby: waiting for the lock
  }
  return probe;
}

interface LagDetail {
  state?: string;
  lag?: { pendingEvents: number; pendingCapped: boolean; seconds: number } | { messages: number } | null;
  pending?: number;
}
