/**
 * `npm run bench:store`: our PostgreSQL event store side by side with Emmett on the same database, in one run.
 * Appends (1 event at 1, 8, 32 writers; 10 events at 16 writers; 100 events at 16 writers, which also fills the log)
 * and a catch-up read of the whole global log. Starts an embedded PostgreSQL unless DATABASE_URL is set.
 */
import { execSync } from 'node:child_process';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, stats, table, type RunStats } from './support/latency';
import { machineLine } from './support/machine';
import { emmettStore, ourStore, type BenchEvent, type StoreTarget } from './support/store-targets';

interface Scenario {
  label: string;
  writers: number;
  perAppend: number;
  appends: number;
  streamsPerWriter: number;
}

const quick = process.argv.includes('--quick');
const scale = (n: number): number => (quick ? Math.ceil(n / 5) : n);
const SCENARIOS: Scenario[] = [
  { label: '1 event, 1 writer', writers: 1, perAppend: 1, appends: scale(1500), streamsPerWriter: 50 },
  { label: '1 event, 8 writers', writers: 8, perAppend: 1, appends: scale(4000), streamsPerWriter: 50 },
  { label: '1 event, 32 writers', writers: 32, perAppend: 1, appends: scale(8000), streamsPerWriter: 50 },
  { label: '10 events, 16 writers', writers: 16, perAppend: 10, appends: scale(2000), streamsPerWriter: 50 },
  { label: '100 events, 16 writers', writers: 16, perAppend: 100, appends: scale(1000), streamsPerWriter: 20 },
];

function payload(i: number): BenchEvent {
  return {
    type: i % 3 === 0 ? 'DossierReceived' : 'DossierTransferred',
    data: {
      occurredAt: new Date().toISOString(),
      dossierCode: `000.00.23.H57-200610-${String(i).padStart(4, '0')}`,
      unit: 'UBND phường Phú Hội',
      channel: 'counter',
      procedure: '1.001234',
      note: 'x'.repeat(80),
    },
  };
}

async function runScenario(target: StoreTarget, scenario: Scenario, tag: string): Promise<RunStats> {
  const latencies: number[] = [];
  let next = 0;
  const writer = async (w: number): Promise<void> => {
    const versions = new Array<number>(scenario.streamsPerWriter).fill(0);
    for (let k = 0; next < scenario.appends; k += 1) {
      next += 1;
      const s = k % scenario.streamsPerWriter;
      const events = Array.from({ length: scenario.perAppend }, (_, i) => payload(i));
      const started = nowMs();
      await target.append(`${tag}-w${w}-s${s}`, events, versions[s] ?? 0);
      latencies.push(nowMs() - started);
      versions[s] = (versions[s] ?? 0) + scenario.perAppend;
    }
  };
  const started = nowMs();
  await Promise.all(Array.from({ length: scenario.writers }, (_, w) => writer(w)));
  const seconds = (nowMs() - started) / 1000;
  return stats(scenario.appends * scenario.perAppend, seconds, latencies);
}

async function main(): Promise<void> {
  const runStarted = nowMs();
  const database = await openBenchDatabase();
  const targets = [await ourStore(database.url), await emmettStore(database.url)];
  const rows: string[][] = [];
  const results = new Map<string, RunStats[]>();
  try {
    // warm-up: connections, prepared statements, schema caches
    for (const target of targets)
      await runScenario(
        target,
        { label: 'warm-up', writers: 4, perAppend: 1, appends: 200, streamsPerWriter: 5 },
        'warm',
      );
    for (const [index, scenario] of SCENARIOS.entries()) {
      for (const target of targets) {
        const result = await runScenario(target, scenario, `sc${index}`);
        results.set(target.name, [...(results.get(target.name) ?? []), result]);
        rows.push([
          `append ${scenario.label}`,
          target.name,
          fmt(result.events),
          fmt(result.perSecond),
          fmt(result.p50, 2),
          fmt(result.p99, 2),
        ]);
        process.stderr.write(`${scenario.label} · ${target.name}: ${fmt(result.perSecond)} ev/s\n`);
      }
    }
    const readNotes: string[] = [];
    for (const target of targets) {
      const inLog = await target.count();
      const read = await target.catchUp();
      const distinct = new Set(read.positions).size;
      rows.push([
        `catch-up of the whole log`,
        target.name,
        fmt(inLog),
        fmt(read.positions.length / read.seconds),
        '',
        '',
      ]);
      readNotes.push(
        `${target.name}: ${read.how}: ${fmt(read.positions.length)} delivered for ${fmt(inLog)} in the log, ` +
          `${fmt(inLog - distinct)} never delivered, ${fmt(read.positions.length - distinct)} delivered twice`,
      );
    }
    const ours = results.get('dossier-tracker') ?? [];
    const theirs = results.get('Emmett 0.42') ?? [];
    const ratio = (i: number): string => fmt((ours[i]?.perSecond ?? 0) / (theirs[i]?.perSecond ?? 1), 2);

    console.log(`\nEvent store bench — ${new Date().toISOString()}`);
    console.log(`machine: ${machineLine()}`);
    console.log(`lscpu: ${cpuSummary()}`);
    console.log(`database: ${database.where}; same database for both stores\n`);
    console.log(table(['operation', 'store', 'events', 'events/s', 'p50 ms', 'p99 ms'], rows));
    console.log(`\nratio ours/Emmett (events/s): ${SCENARIOS.map((s, i) => `${s.label}: ${ratio(i)}×`).join('; ')}`);
    for (const note of readNotes) console.log(`catch-up ${note}`);
    console.log(`whole run: ${fmt((nowMs() - runStarted) / 1000, 1)} s`);
  } finally {
    for (const target of targets) await target.close();
    await database.close();
  }
}

function cpuSummary(): string {
  try {
    const out = execSync('lscpu', { encoding: 'utf8' });
    const pick = (key: string): string =>
      out
        .split('\n')
        .find((l) => l.startsWith(key))
        ?.split(':')[1]
        ?.trim() ?? '?';
    return `${pick('Model name')}, ${pick('CPU(s)')} CPU(s), ${pick('Thread(s) per core')} thread(s)/core; nproc=${execSync('nproc', { encoding: 'utf8' }).trim()}`;
  } catch {
    return 'lscpu unavailable';
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
