import { signToken } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { type StandaloneProcess, startStandalone } from '../../scripts/bench/support/standalone-process';
import { addClerkAccount } from '../support/app-process';
import { SseClient } from './sse-client';

const UNIT = 'tth-hcc-hue';
const CLERK = 'clerk-live-shutdown';

/** `npm start` stopped with SIGTERM while live streams are open: they do not hold the stop for its 10 s drain. */
describe('stopping the app with live streams open (SIGTERM)', () => {
  let database: TestDatabase;
  let app: StandaloneProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await app?.stop();
    await database.drop();
  });

  it('ends the streams and exits 0 at once', async () => {
    const env = { DATABASE_URL: database.url };
    app = await startStandalone(env);
    await addClerkAccount({ ...process.env, ...env, TOKEN_SECRET: app.tokenSecret }, CLERK, UNIT);
    const token = signToken(CLERK, app.tokenSecret, 600);
    const streams = await Promise.all(
      [0, 1, 2].map(() => SseClient.open(`${app!.url}/api/v1/live`, { authorization: `Bearer ${token}` })),
    );
    for (const stream of streams) {
      expect(stream.status).toBe(200);
      expect(await stream.until(() => stream.named('ready').length === 1)).toBe(true);
    }
    const started = Date.now();
    expect(await app.stop()).toBe(0);
    const took = Date.now() - started;
    await Promise.all(streams.map((s) => s.ended));
    console.log(`live: SIGTERM with 3 open streams → exit 0 after ${took} ms`);
    expect(took).toBeLessThan(5000); // the drain would wait 10 s for requests still counted
    expect(app.output()).not.toMatch(/ERROR/);
    app = undefined;
  });
});
