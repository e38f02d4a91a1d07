import { Client } from 'pg';
import { signToken } from '@app/platform';
import { type StandaloneProcess, startStandalone } from '../scripts/bench/support/standalone-process';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { addClerkAccount } from './support/app-process';

const UNIT = 'tth-hcc-hue';
const CLERK = 'clerk-shutdown';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start` in a child process, stopped with SIGTERM while receipts are under way. */
describe('stopping the app under load (SIGTERM)', () => {
  let database: TestDatabase;
  let app: StandaloneProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await app?.stop();
    await database.drop();
  });

  const send = (target: StandaloneProcess, key: string, signal?: AbortSignal) =>
    fetch(`${target.url}/api/v1/dossiers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${signToken(CLERK, target.tokenSecret, 600)}`,
        'idempotency-key': key,
      },
      body: JSON.stringify({
        procedureCode: 'H-HKD-01',
        receivingUnitId: UNIT,
        channel: 'counter',
        receivedAt: '2020-09-01T02:00:00Z',
      }),
      signal,
    });

  it('lets the running receipts finish before it closes the store: no error, exit 0, each of them recorded', async () => {
    const env = { DATABASE_URL: database.url };
    app = await startStandalone(env);
    await addClerkAccount({ ...process.env, ...env, TOKEN_SECRET: app.tokenSecret }, CLERK, UNIT);
    expect((await send(app, 'shutdown-0')).status).toBe(201);

    // Another session holds the code counters: the next receipts wait in their first statement.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT * FROM intake.dossier_code_counters FOR UPDATE');
    const keys = Array.from({ length: 50 }, (_, i) => `shutdown-${i + 1}`);
    const hangUp = new AbortController();
    const waiting = keys.map((key) =>
      send(app as StandaloneProcess, key, hangUp.signal).then(
        (r) => r.status,
        () => 'hung up',
      ),
    );
    await sleep(500);
    // The counters hang up, the app is told to stop, and only then are the counters released.
    hangUp.abort();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['hung up']));
    const stopped = app.stop();
    await sleep(500);
    await holder.query('COMMIT');
    await holder.end();
    expect(await stopped).toBe(0);
    expect(app.output()).not.toMatch(/ERROR/);

    // After a restart each of them is a repeat: it had been recorded while the app was stopping.
    app = await startStandalone(env);
    const again = await Promise.all(
      ['shutdown-0', ...keys].map((key) =>
        send(app as StandaloneProcess, key).then((r) => [r.status, r.headers.get('idempotent-replayed')]),
      ),
    );
    expect(again.filter(([status, replayed]) => status !== 201 || replayed !== 'true')).toEqual([]);
  });
});
