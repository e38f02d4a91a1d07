import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { signToken } from '@app/platform';
import { machineLine } from './support/machine';
import { startStandalone } from './support/standalone-process';

/**
 * `npm run bench:intake`: receipts (POST /api/v1/dossiers, each with its own Idempotency-Key, as counters send
 * them) against the real app on loopback, at 1, 16 and 64 connections. Target: ≥ 1,500 receipts/s with
 * p99 ≤ 50 ms at 64 connections on 2 cores.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_CONNECTIONS=64 (comma-separated) measures only those levels.
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const UNITS = ['tth-pvhcc', 'tth-hcc-hue', 'tth-hcc-huong-thuy', 'tth-hcc-phu-vang'];
const PROCEDURES: Record<string, string> = { 'tth-pvhcc': 'T-DKDN-01' };

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
    { DATABASE_POOL_SIZE: '40' },
    alone ? 'apps/intake/src/main.ts' : 'apps/standalone/src/main.ts',
  );
  const token = signToken({ subject: 'bench-clerk', role: 'clerk', units: UNITS }, app.tokenSecret, 3600);
  const rows: string[] = [];
  try {
    for (const connections of CONNECTIONS) {
      await run(app.url, token, connections, 2); // warm-up
      const result = await run(app.url, token, connections, SECONDS);
      const failures = result.non2xx + result.errors + result.timeouts;
      rows.push(
        `| ${String(connections).padStart(11)} | ${result.requests.average.toFixed(0).padStart(10)} | ${String(result.latency.p50).padStart(8)} | ${String(result.latency.p99).padStart(8)} | ${String(result.requests.total ?? result.requests.sent).padStart(8)} | ${String(failures).padStart(8)} |`,
      );
    }
  } finally {
    await app.stop();
  }
  console.log('\n| connections | receipts/s | p50 (ms) | p99 (ms) |  total   | failures |');
  console.log('|-------------|------------|----------|----------|----------|----------|');
  for (const row of rows) console.log(row);
  console.log('\ntarget: ≥ 1,500 receipts/s with p99 ≤ 50 ms at 64 connections');
}

function run(url: string, token: string, connections: number, duration: number): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/dossiers',
        setupRequest: (request) => {
          const unit = UNITS[n++ % UNITS.length] as string;
          const minute = n % (8 * 60);
          const receivedAt = new Date(
            Date.UTC(2020, 8, 1 + (n % 3), 1 + Math.floor(minute / 60), minute % 60),
          ).toISOString();
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify({
              procedureCode: PROCEDURES[unit] ?? 'H-HKD-01',
              receivingUnitId: unit,
              channel: n % 5 === 0 ? 'postal' : 'counter',
              receivedAt,
            }),
          };
        },
      },
    ],
  });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
