import fs from 'node:fs';
import { loadConfig, openDatabase } from '@app/platform';
import {
  type AppProcess,
  STACK_TRACE,
  makeDataDir,
  postmasterPid,
  processRuns,
  sendReceipt,
  spawnApp,
} from './support/app-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start` with its embedded PostgreSQL, when one of the two processes is killed. */
describe('the app and its embedded PostgreSQL after a SIGKILL', () => {
  let dataDir: string;
  const apps: AppProcess[] = [];
  const start = async (options?: Parameters<typeof spawnApp>[1]) => {
    const app = await spawnApp(dataDir, options);
    apps.push(app);
    return app;
  };

  beforeEach(() => {
    dataDir = makeDataDir();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    const left = postmasterPid(dataDir); // a failed test may leave a server behind
    if (left && processRuns(left)) process.kill(left, 'SIGINT');
    for (let i = 0; i < 100 && left && processRuns(left); i++) await sleep(50);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a killed app leaves its server running; the next start stops it cleanly and goes on, with the data; a second start is still refused', async () => {
    const first = await start();
    const receipt = await sendReceipt(first.url, 'restart-1');
    expect(receipt.status).toBe(201);
    const { id } = (await receipt.json()) as { id: string };
    const server = postmasterPid(dataDir) as number;

    await first.kill();
    expect(processRuns(server)).toBe(true); // the orphan

    const second = await start();
    expect(second.output()).toMatch(/was left running .* stopping it cleanly first/);
    expect(processRuns(server)).toBe(false);
    const again = await sendReceipt(second.url, 'restart-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(id);

    // A live `npm start` still gets the clear refusal, and its server is left alone.
    const third = await start({ waitForHealth: false });
    expect(await third.exited).toBe(1);
    expect(third.output()).toMatch(/already running .*Another `npm start` is probably running/);
    expect(third.output()).not.toMatch(STACK_TRACE);
    expect((await fetch(`${second.url}/health`)).ok).toBe(true);
  });

  it('a killed embedded PostgreSQL under load ends the app with one clear line and exit code 1, no stack trace; the next start recovers', async () => {
    const app = await start();
    let stop = false;
    let sent = 0;
    const load = Array.from({ length: 8 }, async (_, worker) => {
      while (!stop) {
        const key = `load-${worker}-${sent++}`;
        await sendReceipt(app.url, key).then(
          (r) => r.arrayBuffer(),
          () => undefined,
        );
      }
    });
    while (sent < 40) await sleep(20);
    process.kill(postmasterPid(dataDir) as number, 'SIGKILL');
    const code = await app.exited;
    stop = true;
    await Promise.all(load);

    expect(code).toBe(1);
    expect(app.output()).toMatch(/The embedded PostgreSQL stopped unexpectedly \(SIGKILL\): stopping\./);
    expect(app.output()).not.toMatch(STACK_TRACE);
    expect(app.output()).not.toMatch(/INTERNAL_ERROR|EPIPE|ECONNREFUSED|Connection terminated/);

    const next = await start();
    expect((await sendReceipt(next.url, 'after-recovery')).status).toBe(201);
  });

  it("the CLI attaches to the running app's server (with its password); after a SIGKILL of the app it stops the orphan and starts the server itself", async () => {
    const cli = () =>
      openDatabase(loadConfig({ ...process.env, DATABASE_URL: undefined, DATA_DIR: dataDir }), {
        attach: true,
        notice: () => undefined,
      });
    const app = await start();
    expect((await sendReceipt(app.url, 'cli-1')).status).toBe(201);
    const server = postmasterPid(dataDir) as number;

    const attached = await cli();
    expect(attached.kind).toBe('attached');
    expect(attached.url).toMatch(/^postgres:\/\/postgres:[^@]+@/);
    expect((await attached.pool.query('SELECT count(*)::int AS n FROM event_store.streams')).rows[0].n).toBeGreaterThan(
      0,
    );
    await attached.close();
    expect(processRuns(server)).toBe(true); // the app's server, left to the app

    await app.kill();
    const own = await cli();
    try {
      expect(own.kind).toBe('embedded');
      expect(processRuns(server)).toBe(false);
      const { rows } = await own.pool.query(
        `SELECT count(*)::int AS n FROM event_store.idempotency_keys WHERE key LIKE '%cli-1%'`,
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await own.close();
    }
    expect(postmasterPid(dataDir)).toBeUndefined(); // and stopped it again
  });
});
