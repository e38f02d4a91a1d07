import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Apache Kafka broker, from the jars Maven Central serves (no broker comes from Debian or npm): fetched once
 * with Maven into a cache folder, plus a formatted KRaft storage template that every local broker copies.
 *
 * Cache: $KAFKA_CACHE_DIR, else $XDG_CACHE_HOME/dossier-tracker/kafka-<version>, else ~/.cache/…
 *   lib/            the broker's jars (org.apache.kafka:kafka_2.13 and its runtime dependencies, slf4j-simple)
 *   template/       a storage directory formatted for a single node (static quorum: it names no port)
 *   kafka.jsa       a class-data-sharing archive written by the first clean broker stop (halves start-up time)
 */
export const KAFKA_VERSION = '4.4.0';
const SLF4J_VERSION = '2.0.17';

export interface KafkaDistribution {
  home: string;
  /** Java classpath of the broker (`<home>/lib/*`). */
  classpath: string;
  /** A formatted storage directory to copy for each new broker. */
  template: string;
  /** Class-data-sharing archive (may not exist yet). */
  cdsArchive: string;
}

type Log = (line: string) => void;

export function kafkaHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KAFKA_CACHE_DIR) return path.resolve(env.KAFKA_CACHE_DIR);
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'dossier-tracker', `kafka-${KAFKA_VERSION}`);
}

/** Major version of `java` on the PATH (undefined when there is none). */
export function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function hasMaven(): boolean {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  return !result.error && result.status === 0;
}

/** Why a local broker cannot run here (undefined when it can): Java 17+, and Maven unless the jars are cached. */
export function localKafkaUnavailable(): string | undefined {
  const java = javaMajorVersion();
  if (java === undefined)
    return 'no `java` on the PATH (Kafka 4 needs Java 17+: apt-get install openjdk-17-jre-headless)';
  if (java < 17) return `java ${java} found; Kafka 4 needs Java 17+`;
  if (!jarsReady(kafkaHome()) && !hasMaven())
    return 'the Kafka jars are not cached and `mvn` is missing (apt-get install maven)';
  return undefined;
}

/** Fetches the jars (once) and formats the storage template (once); cheap when both are there. */
export async function ensureKafkaDistribution(log: Log = () => undefined): Promise<KafkaDistribution> {
  const home = kafkaHome();
  fs.mkdirSync(home, { recursive: true });
  if (!jarsReady(home)) await fetchJars(home, log);
  const distribution = {
    home,
    classpath: path.join(home, 'lib', '*'),
    template: path.join(home, 'template'),
    cdsArchive: path.join(home, 'kafka.jsa'),
  };
  if (!fs.existsSync(path.join(distribution.template, 'meta.properties'))) await formatTemplate(distribution, log);
  return distribution;
}

function jarsReady(home: string): boolean {
  return fs.existsSync(path.join(home, 'lib', '.complete'));
}

function pom(): string {
  const dependency = (group: string, artifact: string, version: string): string =>
    `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>`;
  return [
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>dossier-tracker.local</groupId><artifactId>kafka-local</artifactId><version>1</version><packaging>pom</packaging>',
    '  <dependencies>',
    dependency('org.apache.kafka', `kafka_2.13`, KAFKA_VERSION),
    // Kafka logs through slf4j; a 2.x API with the simple backend (configured by -D flags, stdout).
    dependency('org.slf4j', 'slf4j-api', SLF4J_VERSION),
    dependency('org.slf4j', 'slf4j-simple', SLF4J_VERSION),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

/** `mvn dependency:copy-dependencies` into a temporary folder, then renamed into place (safe if two race). */
async function fetchJars(home: string, log: Log): Promise<void> {
  const work = fs.mkdtempSync(path.join(home, '.fetch-'));
  try {
    fs.writeFileSync(path.join(work, 'pom.xml'), pom());
    log(`fetching Apache Kafka ${KAFKA_VERSION} jars with Maven into ${home}/lib …`);
    const started = Date.now();
    await run(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        path.join(work, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${path.join(work, 'lib')}`,
        '-DincludeScope=runtime',
      ],
      work,
    );
    fs.writeFileSync(path.join(work, 'lib', '.complete'), `${KAFKA_VERSION}\n`);
    if (!jarsReady(home)) {
      fs.rmSync(path.join(home, 'lib'), { recursive: true, force: true });
      fs.renameSync(path.join(work, 'lib'), path.join(home, 'lib'));
    }
    log(`fetched in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `kafka-storage format` for a combined broker+controller with a static quorum (`controller.quorum.voters`):
 * the formatted directory records the cluster id and the bootstrap metadata but no listener address, so a copy
 * of it serves a broker on any port.
 */
async function formatTemplate(distribution: KafkaDistribution, log: Log): Promise<void> {
  const work = fs.mkdtempSync(path.join(distribution.home, '.format-'));
  try {
    const data = path.join(work, 'data');
    const properties = path.join(work, 'format.properties');
    fs.writeFileSync(
      properties,
      [
        'process.roles=broker,controller',
        'node.id=1',
        'controller.quorum.voters=1@127.0.0.1:2',
        'listeners=PLAINTEXT://127.0.0.1:1,CONTROLLER://127.0.0.1:2',
        'controller.listener.names=CONTROLLER',
        `log.dirs=${data}`,
        '',
      ].join('\n'),
    );
    const clusterId = randomBytes(16).toString('base64url');
    await run(
      'java',
      [
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        '-cp',
        distribution.classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        properties,
      ],
      work,
    );
    if (!fs.existsSync(path.join(distribution.template, 'meta.properties'))) {
      fs.rmSync(distribution.template, { recursive: true, force: true });
      fs.renameSync(data, distribution.template);
    }
    log(`formatted the KRaft storage template (cluster ${clusterId})`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.slice(0, 4).join(' ')} … exited with ${code}:\n${output.slice(-3000)}`)),
    );
  });
}
