/**
 * `npm run bench:notifier`: the citizen notifier (apps/notifier) delivering e-mail to a real SMTP server on loopback
 * (the `smtp-server` package in this process, messages counted, not parsed).
 *   1. latency: receipts with an applicant at 100/s (open loop, one POST every 10 ms) to the standalone app (a
 *      separate process, its relay publishing to Kafka in that process), the notifier a separate worker process;
 *      from each receipt's 201 to its e-mail accepted by the sink, p50/p99.
 *   2. throughput: a backlog of receipts made while the notifier is stopped, then the notifier started: notifications
 *      per second between the backlog's first and last e-mail accepted by the sink.
 *   anchor: bare nodemailer (the same pooled transport settings) sending as many messages to the same sink.
 * Starts an embedded PostgreSQL unless DATABASE_URL is set, and a local Kafka broker unless KAFKA_BROKERS is set.
 * Options: --quick, --rate N (receipts/s), --seconds N, --backlog N, --senders N (NOTIFIER_SENDERS).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { syntheticApplicant } from '../scenario/synthetic-applicant';
import { benchClerkToken } from './support/bench-clerk';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, percentile, table } from './support/latency';
import { machineLine } from './support/machine';
import { RECEIPT_UNITS } from './support/receipt-load';
import { openBenchKafka } from './support/relay-kafka';
import { SmtpSink } from './support/smtp-sink';
import { startStandalone } from './support/standalone-process';

const quick = process.argv.includes('--quick');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('--rate', 100);
const SECONDS = arg('--seconds', quick ? 8 : 20);
const BACKLOG = arg('--backlog', quick ? 500 : 2_000);
const SENDERS = arg('--senders', 4);
// receipts spread over the sample units and days, as counters send them (a unit's daily dossier code sequence is one row)
const PROCEDURES: Record<string, string> = { 'tth-pvhcc': 'T-DKDN-01' };
const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const kafka = await openBenchKafka();
  const sink = new SmtpSink({ parse: false });
  const smtpUrl = await sink.start();
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifier-bench-keys-'));
  const topic = `notifier-bench-${Date.now()}`;
  const shared = {
    DATABASE_URL: database.url,
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC: topic,
    KEYS_DIR: keysDir,
  };
  process.stderr.write('starting the app (relay in it)…\n');
  const app = await startStandalone({ ...shared, KAFKA_TOPIC_PARTITIONS: '6' });
  let notifier: ChildProcess | undefined;
  try {
    const token = await benchClerkToken(app, RECEIPT_UNITS);
    let n = 0;
    const receipt = async (): Promise<{ id: string; at: number }> => {
      const i = n++;
      const unit = RECEIPT_UNITS[i % RECEIPT_UNITS.length] as string;
      // a dropped connection is retried with the same Idempotency-Key (as counters do): one dossier either way
      let response: Response | undefined;
      for (let attempt = 1; !response; attempt++) {
        response = await fetch(`${app.url}/api/v1/dossiers`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': `notifier-bench-${i}`,
          },
          body: JSON.stringify({
            procedureCode: PROCEDURES[unit] ?? 'H-HKD-01',
            receivingUnitId: unit,
            channel: 'counter',
            receivedAt: new Date(Date.UTC(2020, 8, 1 + (i % 20), 2, i % 400)).toISOString(),
            applicant: { ...syntheticApplicant(`notifier-bench:${i}`), email: `cong.dan.${i}@example.vn` },
          }),
        }).catch((error: Error) => {
          if (attempt >= 5) throw error;
          return undefined;
        });
      }
      const at = performance.timeOrigin + performance.now();
      if (response.status !== 201) throw new Error(`receipt: ${response.status} ${await response.text()}`);
      return { id: ((await response.json()) as { id: string }).id, at };
    };
    const startNotifier = (): ChildProcess => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run.cjs'), 'apps/notifier/src/worker.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...shared, SMTP_URL: smtpUrl, NOTIFIER_SENDERS: String(SENDERS), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', process.env.BENCH_APP_LOG ? 'inherit' : 'ignore'],
      });
      return child;
    };
    const stopNotifier = async (): Promise<void> => {
      const child = notifier;
      notifier = undefined;
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    };
    const mailOf = (id: string): string => `<dossier-${id}.1.email@dossier-tracker>`;
    const waitForMails = async (ids: readonly string[], timeoutMs: number): Promise<Map<string, number>> => {
      const wanted = new Set(ids.map(mailOf));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const got = new Map(sink.mails.filter((m) => wanted.has(m.messageId)).map((m) => [m.messageId, m.receivedAt]));
        if (got.size >= wanted.size || Date.now() > deadline) return got;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    // warm-up: the notifier joins its group, one receipt goes all the way
    notifier = startNotifier();
    process.stderr.write('warming up…\n');
    const warm = await receipt();
    if ((await waitForMails([warm.id], 120_000)).size !== 1) throw new Error('the warm-up receipt was never e-mailed');

    // 1. latency at RATE receipts/s
    process.stderr.write(`receipts at ${RATE}/s for ${SECONDS} s…\n`);
    const load1 = os.loadavg()[0] ?? 0;
    const sent: Promise<{ id: string; at: number }>[] = [];
    const started = nowMs();
    for (let k = 0; k < RATE * SECONDS; k++) {
      const due = started + (k * 1000) / RATE;
      const wait = due - nowMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(receipt());
    }
    const receipts = await Promise.all(sent);
    const achieved = receipts.length / ((nowMs() - started) / 1000);
    const arrived = await waitForMails(
      receipts.map((r) => r.id),
      120_000,
    );
    const latencies = receipts
      .map((r) => (arrived.get(mailOf(r.id)) ?? Number.NaN) - r.at)
      .filter((ms) => !Number.isNaN(ms))
      .sort((a, b) => a - b);

    // where the time went: 201 → the notifier's row written (relay + topic + consumer), row → e-mail accepted (sender)
    const pool = new Pool({ connectionString: database.url, max: 2 });
    const { rows } = await pool.query<{ id: string; created: Date; done: Date | null }>(
      `SELECT dossier_id AS id, created_at AS created, done_at AS done FROM notifier.notifications
        WHERE channel = 'email' AND dossier_id = ANY($1::text[])`,
      [receipts.map((r) => r.id)],
    );
    await pool.end();
    const t201 = new Map(receipts.map((r) => [r.id, r.at]));
    const toRow = rows.map((r) => r.created.getTime() - (t201.get(r.id) ?? 0)).sort((a, b) => a - b);
    const toSent = rows
      .filter((r) => r.done)
      .map((r) => (r.done as Date).getTime() - r.created.getTime())
      .sort((a, b) => a - b);

    // 2. throughput from a backlog
    await stopNotifier();
    process.stderr.write(`a backlog of ${BACKLOG} receipts, the notifier stopped…\n`);
    const backlog: { id: string; at: number }[] = [];
    for (let k = 0; k < BACKLOG; k += 16)
      backlog.push(...(await Promise.all(Array.from({ length: Math.min(16, BACKLOG - k) }, receipt))));
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the relay publishes them
    const load2 = os.loadavg()[0] ?? 0;
    notifier = startNotifier();
    const delivered = await waitForMails(
      backlog.map((r) => r.id),
      300_000,
    );
    const times = [...delivered.values()].sort((a, b) => a - b);
    const throughput = (times.length - 1) / (((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000);
    await stopNotifier();

    // anchor: bare nodemailer, same pool settings, same sink, same count
    process.stderr.write('anchor: bare nodemailer…\n');
    const transport = createTransport({ url: smtpUrl, pool: true, maxConnections: SENDERS } as Parameters<
      typeof createTransport
    >[0] & { pool: true });
    const anchorStarted = nowMs();
    let next = 0;
    await Promise.all(
      Array.from({ length: SENDERS * 2 }, async () => {
        while (next < BACKLOG) {
          const i = next++;
          await transport.sendMail({
            from: 'Bộ phận Một cửa <no-reply@dossier-tracker.invalid>',
            to: `cong.dan.${i}@example.vn`,
            subject: `Hồ sơ H57.22-200901-${String(i).padStart(4, '0')} đã được tiếp nhận`,
            text: 'Kính gửi ông/bà Nguyễn Văn An,\n\nHồ sơ của ông/bà đã được tiếp nhận ngày 01/9/2020.\n'.repeat(3),
            messageId: `<anchor.${i}@dossier-tracker>`,
          });
        }
      }),
    );
    const anchor = BACKLOG / ((nowMs() - anchorStarted) / 1000);
    transport.close();

    console.log(`\nNotifier bench — ${new Date().toISOString()}`);
    console.log(`machine: ${machineLine()}`);
    console.log(`database: ${database.where}`);
    console.log(`broker: ${kafka.where}; topic of 6 partitions`);
    console.log(
      'processes: the standalone app (intake + projector + relay, HTTP) and the notifier worker (NOTIFIER_SENDERS=' +
        `${SENDERS}, e-mail only) as separate processes; this process posts receipts and runs the SMTP sink`,
    );
    console.log(
      `load average: ${fmt(load1, 1)} before the latency run, ${fmt(load2, 1)} before the backlog run, on ${os.cpus().length} cores\n`,
    );
    console.log(
      table(
        ['measure', 'count', 'result'],
        [
          [
            `receipt 201 → e-mail in the sink at ${fmt(achieved, 1)} receipts/s, p50 / p99 / max`,
            `${fmt(latencies.length)} of ${fmt(receipts.length)}`,
            `${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 99))} / ${fmt(latencies.at(-1) ?? 0)} ms`,
          ],
          [
            '  of which 201 → notification row written (relay, Kafka, consumer), p50 / p99',
            fmt(toRow.length),
            `${fmt(percentile(toRow, 50))} / ${fmt(percentile(toRow, 99))} ms`,
          ],
          [
            '  and row written → marked sent (sender), p50 / p99',
            fmt(toSent.length),
            `${fmt(percentile(toSent, 50))} / ${fmt(percentile(toSent, 99))} ms`,
          ],
          [
            'notifier throughput from a backlog (first → last e-mail)',
            `${fmt(delivered.size)} of ${fmt(BACKLOG)}`,
            `${fmt(throughput)} notifications/s`,
          ],
          ['anchor: bare nodemailer to the same sink', fmt(BACKLOG), `${fmt(anchor)} messages/s`],
          ['notifier / anchor', '', `${fmt(throughput / anchor, 2)}`],
        ],
      ),
    );
  } finally {
    if (notifier && notifier.exitCode === null) notifier.kill('SIGTERM');
    await app.stop();
    await sink.stop();
    await kafka.close();
    await database.close();
    fs.rmSync(keysDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    process.exit(1);
  },
);
