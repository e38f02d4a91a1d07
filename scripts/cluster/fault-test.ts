/**
 * `npm run test:cluster`: the fault test on the local cluster (README § Distributed mode on one machine). Under a
 * steady receipt load through nginx, SIGKILL in turn one intake, the active projector, the active relay, one Kafka
 * broker and one notifier (when apps/notifier exists), each restarted by the supervisor; then check every receipt
 * answered, every acknowledged receipt once in the log, the standby's read models equal to a replay of the log, every
 * event on the topic in order per dossier, every notification delivered exactly once per Message-ID, and the lags
 * back to zero. Prints the table of kills, the client errors by kind, where the CPU went, and `N passed, N failed`;
 * exits 1 on any failure. `--phantom-receipt` adds an acknowledgement the log cannot have: the run must then fail
 * (the check checks). `--kill notifier` (or intake, projector, relay, kafka; comma-separated) kills only those.
 * CLUSTER_CLIENTS: the clients sending receipts (32).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Cluster, startCluster } from './cluster';
import { type CpuSnapshot, cpuShares, cpuSnapshot } from './cpu-usage';
import { type Attempt, describeFailures } from './attempt-kinds';
import { type Acknowledged } from './fault-checks';
import { startReceiptLoad } from './fault-load';
import { runChecks } from './fault-verdict';
import { statusTable } from './status-table';

const CLIENTS = Number(process.env.CLUSTER_CLIENTS ?? 32);
const SETTLE_MS = 8_000;
const RECOVERY_LIMIT_MS = 120_000;

interface KillResult {
  target: string;
  process: string;
  requests: number;
  errors: number;
  failures: string;
  killedAt: number;
  recoveredMs: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cluster-'));
  const say = (line: string): void =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  say(`starting the cluster in ${dir}`);
  const cluster = await startCluster({ dir, log: say, postgresSettings: { fsync: 'off' } });
  let passed = false;
  try {
    await cluster.waitHealthy(180_000);
    say(`cluster up and healthy: ${cluster.processes.length} processes`);
    const cpuFrom = await cpuOf(cluster);
    const loadFrom = Date.now();
    // a counter retries a receipt until it is answered: it gives up only past the bound the cluster must recover in
    const load = startReceiptLoad({
      url: cluster.url,
      token: cluster.token,
      clients: CLIENTS,
      giveUpAfterMs: RECOVERY_LIMIT_MS,
    });
    await sleep(SETTLE_MS);
    const kills: KillResult[] = [];
    const targets = [
      ['one intake', () => 'intake-1'],
      ['the active projector', () => active(cluster, 'projector')],
      ['the active relay', () => active(cluster, 'relay')],
      ['one Kafka broker', () => 'kafka-2'],
      ...(cluster.processes.includes('notifier-1') ? [['one notifier', () => 'notifier-1'] as const] : []),
    ] as const;
    // --kill intake,notifier: only those (to reproduce one window); all by default
    const only = argument('--kill')?.toLowerCase().split(',');
    for (const [target, pick] of targets.filter(([t]) => !only || only.some((o) => t.toLowerCase().includes(o)))) {
      const name = await pick();
      const before = (await cluster.status()).find((s) => s.name === name)?.restarts ?? 0;
      say(`SIGKILL ${name} (${target})`);
      const from = Date.now();
      cluster.kill(name, 'SIGKILL');
      const recoveredMs = await recovered(cluster, name, before, from);
      say(`${name} back and healthy after ${(recoveredMs / 1000).toFixed(1)} s`);
      await sleep(SETTLE_MS);
      const inside = load.attempts.filter((a) => a.at >= from && a.at < Date.now());
      kills.push({
        target,
        process: name,
        ...window(inside),
        failures: describeFailures(inside),
        killedAt: from,
        recoveredMs,
      });
    }
    await load.stop();
    const cpuTo = await cpuOf(cluster);
    const total = window(load.attempts);
    say(
      `load stopped: ${load.acknowledged.length} receipts acknowledged, ${total.errors} client errors, ` +
        `${load.abandoned.length} abandoned, ${load.refused.length} refused`,
    );
    printKills(kills, total, (Date.now() - loadFrom) / 1000);
    console.log(
      `CPU during the load (cores; ${os.cpus().length} on the machine): ` +
        cpuShares(cpuFrom, cpuTo)
          .map(([kind, cores]) => `${kind} ${cores.toFixed(2)}`)
          .join(', '),
    );
    console.log(`client errors by kind, whole run: ${describeFailures(load.attempts)}`);
    for (const k of kills) console.log(`  ${k.target} (${k.process}): ${k.failures}`);
    for (const key of load.abandoned.slice(0, 5))
      console.log(
        `  abandoned ${key}: ${load.attempts
          .filter((a) => a.key === key)
          .map(attemptLine(loadFrom))
          .join(', ')}`,
      );
    const acknowledged: Acknowledged[] = [...load.acknowledged];
    if (process.argv.includes('--phantom-receipt'))
      acknowledged.push({ key: 'phantom', dossierId: '00000000-0000-4000-8000-000000000000', email: true });
    const verdict = await runChecks(
      cluster,
      acknowledged,
      { abandoned: load.abandoned, refused: load.refused, giveUpAfterMs: RECOVERY_LIMIT_MS, say },
      kills.filter((k) => k.process.startsWith('notifier-')).map((k) => k.killedAt),
    );
    console.log(statusTable(await cluster.status()));
    for (const { name, problems } of verdict)
      console.log(
        `${problems.length === 0 ? 'PASS' : 'FAIL'} ${name}${problems.length ? `:\n  ${problems.slice(0, 10).join('\n  ')}` : ''}`,
      );
    const failed = verdict.filter((v) => v.problems.length > 0).length;
    console.log(`\ncluster fault test: ${verdict.length - failed} passed, ${failed} failed`);
    passed = failed === 0;
  } finally {
    say('stopping the cluster');
    await cluster.stop();
    if (passed) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`logs kept in ${path.join(dir, 'logs')}`);
    say('done');
  }
  process.exit(passed ? 0 : 1);
}

async function cpuOf(cluster: Cluster): Promise<CpuSnapshot> {
  return cpuSnapshot(new Map((await cluster.status()).map((s) => [s.name, s.pid])));
}

/** The projector or relay process holding its lock now. */
async function active(cluster: Cluster, kind: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const holder = (await cluster.status()).find((s) => s.name.startsWith(`${kind}-`) && s.probe?.active === true);
    if (holder) return holder.name;
    if (Date.now() > deadline) throw new Error(`no ${kind} holds its lock`);
    await sleep(500);
  }
}

/** Waits until `name` was restarted and answers healthy; the time from the kill. */
async function recovered(cluster: Cluster, name: string, restartsBefore: number, from: number): Promise<number> {
  for (;;) {
    const status = (await cluster.status()).find((s) => s.name === name);
    if (status && status.restarts > restartsBefore && status.state === 'up' && status.probe?.healthy !== false)
      return Date.now() - from;
    if (Date.now() - from > RECOVERY_LIMIT_MS)
      throw new Error(`${name} did not come back within ${RECOVERY_LIMIT_MS / 1000} s`);
    await sleep(250);
  }
}

function window(attempts: readonly Attempt[]): { requests: number; errors: number } {
  return { requests: attempts.length, errors: attempts.filter((a) => !a.ok).length };
}

function attemptLine(from: number): (a: Attempt) => string {
  return (a) => `${((a.at - from) / 1000).toFixed(1)} s ${a.kind}`;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function printKills(kills: KillResult[], total: { requests: number; errors: number }, seconds: number): void {
  const rate = (r: { requests: number; errors: number }): string =>
    r.requests === 0 ? '-' : `${((100 * r.errors) / r.requests).toFixed(2)} %`;
  console.log('\n| kill (SIGKILL)        | process      | requests | client errors | error rate | time to recover |');
  console.log('|-----------------------|--------------|----------|---------------|------------|-----------------|');
  for (const k of kills)
    console.log(
      `| ${k.target.padEnd(21)} | ${k.process.padEnd(12)} | ${String(k.requests).padStart(8)} | ${String(k.errors).padStart(13)} | ${rate(k).padStart(10)} | ${`${(k.recoveredMs / 1000).toFixed(1)} s`.padStart(15)} |`,
    );
  console.log(
    `| whole run             |              | ${String(total.requests).padStart(8)} | ${String(total.errors).padStart(13)} | ${rate(total).padStart(10)} | ${`${(total.requests / seconds).toFixed(0)} req/s avg`.padStart(15)} |\n`,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  console.log('\ncluster fault test: 0 passed, 1 failed');
  process.exit(1);
});
