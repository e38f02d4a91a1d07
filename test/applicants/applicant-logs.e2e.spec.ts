import fs from 'node:fs';
import { runApplicantRequests } from '../support/applicant-requests';
import {
  type AppProcess,
  RECEIPT_CLERK,
  RECEIPT_UNIT,
  adminToken,
  appToken,
  makeDataDir,
  postmasterPid,
  processRuns,
  spawnApp,
  supervisorToken,
} from '../support/app-process';
import { findNeedles } from '../support/personal-data';

/**
 * Issue 15, acceptance 1 (the logs): `npm start` as a child process at LOG_LEVEL=debug, a day of receipts with
 * applicants (refused ones, a correct one, its repeat, reads, look-ups by ID number, phone and name, a correction, the
 * erasure); the process's whole output (stdout and stderr, from its start to its stop) holds none of the personal
 * values.
 */
describe("applicants' personal data in the app's logs", () => {
  let dataDir: string;
  let app: AppProcess | undefined;

  beforeAll(() => {
    dataDir = makeDataDir();
  });
  afterAll(async () => {
    await app?.stop();
    const left = postmasterPid(dataDir);
    if (left && processRuns(left)) process.kill(left, 'SIGINT');
    for (let i = 0; i < 100 && left && processRuns(left); i++) await new Promise((r) => setTimeout(r, 50));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('none of the values sent — refused, recorded, repeated, read, looked up, corrected, erased — is in the output', async () => {
    app = await spawnApp(dataDir, { env: { LOG_LEVEL: 'debug' } });
    const tokens = {
      clerk: appToken(RECEIPT_CLERK),
      supervisor: await supervisorToken(dataDir),
      admin: await adminToken(dataDir),
    };
    const { needles } = await runApplicantRequests(app.url, tokens, RECEIPT_UNIT);
    expect(await app.stop()).toBe(0);

    const output = app.output();
    // the output is the app's, at debug level, from start to stop
    expect(output).toMatch(/listening on http/);
    expect(output).toMatch(/SIGTERM: stopping/);
    expect(needles.length).toBeGreaterThan(60);
    expect(findNeedles(output, needles)).toEqual([]);
  }, 240_000);
});
