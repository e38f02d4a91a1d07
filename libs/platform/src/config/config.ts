import path from 'node:path';
import { type NotifierSettings, readNotifierSettings } from './notifier-settings';

/**
 * The one configuration of every app and the CLI, read from environment variables. Each setting has a default
 * that works for `npm start`; a wrong value stops start-up with a message naming the variable.
 */
export interface AppConfig {
  /** HTTP port of the standalone app. */
  port: number;
  host: string;
  /** An external PostgreSQL; when unset, the embedded one is started. */
  databaseUrl: string | undefined;
  /**
   * READ_DATABASE_URL: a read-only copy of DATABASE_URL (a streaming standby) for the reporting app's read-model
   * reads (figures, dashboard, work queues); every write still goes to DATABASE_URL. Unset: everything on DATABASE_URL.
   */
  readDatabaseUrl: string | undefined;
  /** Folder for local state: the embedded database (`<dataDir>/postgres`), secrets. */
  dataDir: string;
  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  embeddedPostgresPort: number;
  eventStore: 'postgres' | 'kurrentdb';
  kurrentdbUrl: string | undefined;
  /** Comma-separated Kafka bootstrap servers; the relay runs only when set. */
  kafkaBrokers: string[];
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Secret for signing access tokens; when unset, one is generated once and kept in `<dataDir>/token-secret`. */
  tokenSecret: string | undefined;
  /** Local time after which a receipt counts from the next working day. */
  dueDateCutoff: string;
  /** Size of the PostgreSQL connection pool. */
  databasePoolSize: number;
  /** The sealer seals the event log once this many events are unsealed (0: not by count). */
  sealEveryEvents: number;
  /** ...or this many seconds after the last seal, if any event is unsealed (0: not by time; both 0: no sealer). */
  sealEverySeconds: number;
  /** PROJECTOR_BATCH_SIZE: events per page and transaction of the projector (in the app and as a worker). */
  projectorBatchSize: number;
  /** The Kafka relay's settings (used when KAFKA_BROKERS is set). */
  relay: RelaySettings;
  /** People's sessions, sign-in and single sign-on. */
  auth: AuthSettings;
  /** The citizen notifier's settings (apps/notifier). */
  notifier: NotifierSettings;
  /** KEYS_DIR: the master keys and the blind-index key of applicants' data (default `<dataDir>/keys`). */
  keysDir: string;
}

/** Sessions and single sign-on (README § Accounts and sign-in). */
export interface AuthSettings {
  /** SESSION_IDLE_MINUTES: a session unused this long ends (default 30). */
  sessionIdleMinutes: number;
  /** SESSION_MAX_HOURS: a session ends this long after sign-in, whatever the activity (default 12). */
  sessionMaxHours: number;
  /** AUTH_CACHE_MS: how long a process keeps a verified session or token before reading it again (default 5000). */
  cacheMs: number;
  /** LIVE_CHECK_SECONDS: how often an open live stream checks its session or token again (default 30). */
  liveCheckSeconds: number;
  /** PUBLIC_URL: the address people open (e.g. https://motcua.example.gov.vn); https makes the cookie Secure. */
  publicUrl: string | undefined;
  /** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: single sign-on with the province's provider, when all set. */
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
}

/** The relay's own settings, read and validated with the rest (apps/relay/src/relay-config.ts adds the brokers). */
export interface RelaySettings {
  /** KAFKA_TOPIC (default `dossier-events`). */
  topic: string;
  /** KAFKA_TOPIC_PARTITIONS: partitions when the relay creates the topic (default 6). */
  partitions: number;
  /** KAFKA_CLIENT_ID (default `dossier-relay`). */
  clientId: string;
  /** RELAY_CONSUMER: name of the relay's checkpoint in event_store.checkpoints (default `kafka-relay`). */
  consumer: string;
  /** RELAY_BATCH_SIZE: events per page read and per acknowledged publish (default 2000). */
  batchSize: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
    value: string,
  ) {
    super(`Invalid configuration: ${variable}=${JSON.stringify(value)} — ${rule}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, projectRoot = defaultProjectRoot()): AppConfig {
  const read = new EnvReader(env);
  const config: AppConfig = {
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.string('HOST', '0.0.0.0'),
    databaseUrl: read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']),
    readDatabaseUrl: read.optionalUrl('READ_DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(projectRoot, read.string('DATA_DIR', '.data')),
    embeddedPostgresPort: read.integer('EMBEDDED_POSTGRES_PORT', 0, 0, 65535),
    eventStore: read.oneOf('EVENT_STORE', ['postgres', 'kurrentdb'] as const, 'postgres'),
    kurrentdbUrl: read.optionalUrl('KURRENTDB_URL', ['kurrentdb:', 'esdb:', 'kurrentdb+discover:', 'esdb+discover:']),
    kafkaBrokers: read.list('KAFKA_BROKERS', /^[\w.-]+:\d+$/, 'a comma-separated list of host:port'),
    logLevel: read.oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
    tokenSecret: read.optionalString('TOKEN_SECRET', 32),
    dueDateCutoff: read.pattern('DUE_DATE_CUTOFF', /^([01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:MM', '17:00'),
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 20, 1, 500),
    sealEveryEvents: read.integer('SEAL_EVERY_EVENTS', 10_000, 0, 100_000_000),
    sealEverySeconds: read.integer('SEAL_EVERY_SECONDS', 60, 0, 2_592_000),
    projectorBatchSize: read.integer('PROJECTOR_BATCH_SIZE', 5000, 1, 50_000),
    relay: readRelaySettings(read),
    auth: readAuthSettings(read),
    notifier: readNotifierSettings(read),
    keysDir: '',
  };
  config.keysDir = path.resolve(projectRoot, read.string('KEYS_DIR', path.join(config.dataDir, 'keys')));
  if (config.readDatabaseUrl && !config.databaseUrl)
    throw new ConfigError('READ_DATABASE_URL', 'needs DATABASE_URL (the primary it is a copy of)', '***');
  if (config.eventStore === 'kurrentdb' && !config.kurrentdbUrl) {
    throw new ConfigError('KURRENTDB_URL', 'is required when EVENT_STORE=kurrentdb', '');
  }
  return config;
}

/** The relay's variables alone (its tests and tools read them without the rest). */
export function loadRelaySettings(env: Env = process.env): RelaySettings {
  return readRelaySettings(new EnvReader(env));
}

function readRelaySettings(read: EnvReader): RelaySettings {
  return {
    topic: read.pattern(
      'KAFKA_TOPIC',
      /^[a-zA-Z0-9._-]{1,249}$/,
      'a Kafka topic name (letters, digits, . _ -)',
      'dossier-events',
    ),
    partitions: read.integer('KAFKA_TOPIC_PARTITIONS', 6, 1, 1000),
    clientId: read.pattern('KAFKA_CLIENT_ID', /^[\w.-]{1,100}$/, 'letters, digits, . _ -', 'dossier-relay'),
    consumer: read.pattern('RELAY_CONSUMER', /^[\w.:-]{1,100}$/, 'letters, digits, . _ : -', 'kafka-relay'),
    batchSize: read.integer('RELAY_BATCH_SIZE', 2000, 1, 50_000),
  };
}

function readAuthSettings(read: EnvReader): AuthSettings {
  const issuer = read.optionalUrl('OIDC_ISSUER', ['https:', 'http:']);
  const clientId = read.optionalString('OIDC_CLIENT_ID', 1);
  const clientSecret = read.optionalString('OIDC_CLIENT_SECRET', 1);
  const oidcSet = [issuer, clientId, clientSecret].filter((v) => v !== undefined).length;
  if (oidcSet > 0 && oidcSet < 3)
    throw new ConfigError('OIDC_ISSUER', 'single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET', '');
  return {
    sessionIdleMinutes: read.integer('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: read.integer('SESSION_MAX_HOURS', 12, 1, 24 * 7),
    cacheMs: read.integer('AUTH_CACHE_MS', 5000, 0, 60_000),
    liveCheckSeconds: read.integer('LIVE_CHECK_SECONDS', 30, 1, 3600),
    publicUrl: read.optionalUrl('PUBLIC_URL', ['https:', 'http:']),
    oidc: issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : undefined,
  };
}

export function defaultProjectRoot(): string {
  return path.resolve(__dirname, '..', '..', '..', '..');
}

export class EnvReader {
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optionalString(name: string, minLength: number): string | undefined {
    const value = this.raw(name);
    if (value !== undefined && value.length < minLength) {
      throw new ConfigError(name, `must be at least ${minLength} characters long`, '***');
    }
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, value);
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value))
      throw new ConfigError(name, `must be one of ${allowed.join(', ')}`, value);
    return value as T;
  }

  pattern(name: string, pattern: RegExp, rule: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!pattern.test(value)) throw new ConfigError(name, `must be ${rule}`, value);
    return value;
  }

  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let protocol: string;
    try {
      protocol = new URL(value).protocol;
    } catch {
      throw new ConfigError(name, `must be a URL (${protocols.map((p) => `${p}//…`).join(' or ')})`, value);
    }
    if (!protocols.includes(protocol))
      throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`, value);
    return value;
  }

  list(name: string, item: RegExp, rule: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.some((i) => !item.test(i))) throw new ConfigError(name, `must be ${rule}`, value);
    return items;
  }
}
