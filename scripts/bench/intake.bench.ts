import { benchClerkSession, benchClerkToken } from './support/bench-clerk';
import { type Credentials, type LoadResult, RECEIPT_UNITS, receiptLoad } from './support/receipt-load';
import { machineLine } from './support/machine';
import { withCpuOf } from './support/process-cpu';
import { type StandaloneProcess, startStandalone } from './support/standalone-process';

/**
 * `npm run bench:intake`: receipts (POST /api/v1/dossiers, each with its own Idempotency-Key, as counters send
 * them) against the real app on loopback, at 1, 16 and 64 connections; and, in the same run, on the same database
 * and with the same client, against the bare anchor (support/bare-intake.ts: `http` + `pg`, one synchronous-commit
 * INSERT per request). Targets: ≥ 1,500 receipts/s with p99 ≤ 50 ms at 64 connections on 2 cores; ours ≥ 0.6 ×
 * bare with p99 ≤ 2 × bare's at 64 connections.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_CONNECTIONS=64 (comma-separated) measures only those levels.
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const POOL_SIZE = '40';
/**
 * BENCH_MODES (comma-separated): `bearer` (a token naming the clerk's account, the default), `session` (the clerk
 * signed in: session cookie and CSRF token), `applicants` (bearer, every receipt with a synthetic applicant, sealed).
 */
const MODES = (process.env.BENCH_MODES ?? 'bearer').split(',') as Mode[];
type Mode = 'bearer' | 'session' | 'applicants';

async function main(): Promise<void> {
  console.log(`intake benchmark — ${machineLine()}`);
  // BENCH_APP=intake measures the counters' API process alone (distributed mode: the projector runs elsewhere).
  const alone = process.env.BENCH_APP === 'intake';
  console.log(
    alone
      ? 'app: apps/intake alone (distributed mode)'
      : 'app: the standalone app (npm start: intake + projector + reporting)',
  );
  const app = await startStandalone(
    { DATABASE_POOL_SIZE: POOL_SIZE },
    alone ? 'apps/intake/src/main.ts' : 'apps/standalone/src/main.ts',
  );
  const measured: { connections: number; mode: Mode; ours: LoadResult; bare: LoadResult }[] = [];
  try {
    const token = await benchClerkToken(app, RECEIPT_UNITS);
    const bearer = { authorization: `Bearer ${token}` };
    const credentials: Record<Mode, Credentials> = {
      bearer,
      applicants: bearer,
      session: MODES.includes('session') ? await benchClerkSession(app.url) : bearer,
    };
    const bare = await startStandalone(
      { DATABASE_URL: app.databaseUrl(), DATABASE_POOL_SIZE: POOL_SIZE },
      'scripts/bench/support/bare-intake.ts',
    );
    try {
      for (const connections of CONNECTIONS) {
        // the anchor, then each mode, alternated level by level
        const anchor = await measure(bare, bearer, connections);
        for (const mode of MODES)
          measured.push({
            connections,
            mode,
            ours: await measure(app, credentials[mode], connections, mode === 'applicants'),
            bare: anchor,
          });
      }
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
  }
  for (const mode of MODES) {
    console.log(`\nours, ${MODE_NAMES[mode]}:`);
    console.log('\n| connections | receipts/s | p50 (ms) | p99 (ms) |  total   | failures |');
    console.log('|-------------|------------|----------|----------|----------|----------|');
    for (const { connections, ours } of measured.filter((m) => m.mode === mode)) console.log(row(connections, ours));
  }
  console.log('\nbare anchor (http + pg, one synchronous-commit INSERT per request, same database and client):');
  console.log('\n| connections | receipts/s | p50 (ms) | p99 (ms) |  total   | failures |');
  console.log('|-------------|------------|----------|----------|----------|----------|');
  for (const { connections, bare } of measured.filter((m) => m.mode === MODES[0])) console.log(row(connections, bare));
  console.log(
    '\n| connections | mode       | ours / bare receipts/s | p99 ours / bare (ms) | server CPU ms per receipt, ours / bare |',
  );
  console.log(
    '|-------------|------------|------------------------|----------------------|----------------------------------------|',
  );
  for (const { connections, mode, ours, bare } of measured) {
    const ratio = `${(ours.perSecond / bare.perSecond).toFixed(2)} (${ours.perSecond.toFixed(0)} / ${bare.perSecond.toFixed(0)})`;
    const p99 = `${(ours.p99 / Math.max(bare.p99, 1)).toFixed(1)}× (${ours.p99} / ${bare.p99})`;
    const cpu = `${ours.cpuMsPerRequest?.toFixed(2) ?? '?'} / ${bare.cpuMsPerRequest?.toFixed(2) ?? '?'}`;
    console.log(
      `| ${String(connections).padStart(11)} | ${mode.padEnd(10)} | ${ratio.padStart(22)} | ${p99.padStart(20)} | ${cpu.padStart(38)} |`,
    );
  }
  if (measured.some(({ ours, bare }) => ours.failures + bare.failures > 0))
    console.log('\nSOME REQUESTS FAILED (see the failures columns): the figures above are not receipts.');
  console.log('\ntargets at 64 connections: ≥ 1,500 receipts/s with p99 ≤ 50 ms; ours ≥ 0.6 × bare, p99 ≤ 2 × bare');
}

/** A level: 2 s of warm-up, then the measured run, with the CPU the server's process spent on it. */
async function measure(
  server: StandaloneProcess,
  credentials: Credentials,
  connections: number,
  applicants = false,
): Promise<LoadResult> {
  await receiptLoad(server.url, credentials, connections, 2, { applicants });
  const [result, cpu] = await withCpuOf(server.pid, () =>
    receiptLoad(server.url, credentials, connections, SECONDS, { applicants }),
  );
  const answered = result.total - result.failures;
  return cpu === undefined || answered === 0 ? result : { ...result, cpuMsPerRequest: (cpu * 1000) / answered };
}

const MODE_NAMES: Record<Mode, string> = {
  bearer: 'a bearer token naming the clerk',
  session: 'the clerk signed in (session cookie + CSRF token)',
  applicants: 'bearer, every receipt with an applicant (sealed with their key)',
};

function row(connections: number, r: LoadResult): string {
  return `| ${String(connections).padStart(11)} | ${r.perSecond.toFixed(0).padStart(10)} | ${String(r.p50).padStart(8)} | ${String(r.p99).padStart(8)} | ${String(r.total).padStart(8)} | ${String(r.failures).padStart(8)} |`;
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
