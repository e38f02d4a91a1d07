import fs from 'node:fs';
import { createEventStore } from '@app/event-store';
import { loadConfig, openDatabase } from '@app/platform';
import { type AppProcess, makeDataDir, postmasterPid, processRuns, sendReceipt, spawnApp } from './support/app-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: { id: string; code: string } & Record<string, unknown>;
  replayed: boolean;
}

/**
 * SIGKILL of `npm start` while counters send receipts, then `npm start` again with no manual step (its embedded
 * PostgreSQL, left running by the killed app, is stopped and started again), then every request sent again with
 * its Idempotency-Key: each acknowledged receipt exists exactly once and answers as it did the first time.
 */
describe('crash during a receipt load (SIGKILL of the app)', () => {
  let dataDir: string;
  let app: AppProcess | undefined;

  beforeAll(() => {
    dataDir = makeDataDir();
  });
  afterAll(async () => {
    await app?.stop();
    const left = postmasterPid(dataDir);
    if (left && processRuns(left)) process.kill(left, 'SIGINT');
    for (let i = 0; i < 100 && left && processRuns(left); i++) await sleep(50);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const send = async (url: string, key: string): Promise<Answer | undefined> => {
    try {
      const response = await sendReceipt(url, key);
      return {
        status: response.status,
        body: (await response.json()) as Answer['body'],
        replayed: response.headers.get('idempotent-replayed') === 'true',
      };
    } catch {
      return undefined; // the connection broke: the client does not know whether it was recorded
    }
  };

  /** Sends receipts from `workers` counters until `stop()`; keeps every first answer. */
  const runLoad = (url: string, trial: number, workers: number) => {
    const sent: string[] = [];
    const acknowledged = new Map<string, Answer['body']>();
    let stopped = false;
    const done = Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        for (let i = 0; !stopped; i++) {
          const key = `crash-${trial}-${worker}-${i}`;
          sent.push(key);
          const answer = await send(url, key);
          if (answer?.status === 201) acknowledged.set(key, answer.body);
          else if (answer) throw new Error(`${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
          else return; // the app is gone
        }
      }),
    );
    return { sent, acknowledged, done, stop: () => (stopped = true) };
  };

  it('three trials: every acknowledged receipt exists exactly once with its first answer, codes are unique, `verify` passes', async () => {
    const firstAnswers = new Map<string, Answer['body']>();
    const everyKey: string[] = [];
    app = await spawnApp(dataDir);
    for (let trial = 1; trial <= 3; trial++) {
      const load = runLoad(app.url, trial, 12);
      while (load.acknowledged.size < 60 * trial) await sleep(5); // under way: some answered, some in flight
      const server = postmasterPid(dataDir) as number;
      await app.kill();
      await load.done;
      load.stop();
      expect(processRuns(server)).toBe(true); // left behind by the killed app
      for (const [key, body] of load.acknowledged) firstAnswers.set(key, body);
      everyKey.push(...load.sent);

      // `npm start` again: no manual step.
      app = await spawnApp(dataDir);
      const again = await Promise.all(
        load.sent.map(async (key) => [key, await send((app as AppProcess).url, key)] as const),
      );
      for (const [key, answer] of again) {
        expect({ key, status: answer?.status }).toEqual({ key, status: 201 });
        const first = load.acknowledged.get(key);
        if (first) {
          expect({ key, replayed: answer?.replayed, body: answer?.body }).toEqual({ key, replayed: true, body: first });
        } else {
          firstAnswers.set(key, (answer as Answer).body); // unknown to the client before: now it is
        }
      }
    }

    // Every key sent: one dossier each, one code each.
    const ids = [...firstAnswers.values()].map((b) => b.id);
    const codes = [...firstAnswers.values()].map((b) => b.code);
    expect(firstAnswers.size).toBe(new Set(everyKey).size);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);

    // The log, read through the running app's server (as `npm run dossier` attaches to it).
    const database = await openDatabase(loadConfig({ ...process.env, DATABASE_URL: undefined, DATA_DIR: dataDir }), {
      attach: true,
    });
    const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
    try {
      expect(database.kind).toBe('attached');
      const { rows } = await database.pool.query<{ stream_id: string; receipts: number }>(
        `SELECT stream_id, count(*)::int AS receipts FROM event_store.events WHERE type = 'DossierReceived' GROUP BY stream_id`,
      );
      expect(rows.filter((r) => r.receipts !== 1)).toEqual([]);
      expect(new Set(rows.map((r) => r.stream_id.replace(/^dossier-/, '')))).toEqual(new Set(ids));
      // What `npm run dossier -- verify` checks: chains, heads, seals, witnesses.
      const report = await store.verifyLog();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.eventsChecked).toBeGreaterThanOrEqual(ids.length);
    } finally {
      await store.close();
      await database.close();
    }
    expect(await app.stop()).toBe(0);
  }, 240_000);
});
