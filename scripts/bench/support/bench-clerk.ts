import { execFile } from 'node:child_process';
import path from 'node:path';
import { signToken } from '@app/platform';

/** The account the bench's receipts come from: a clerk of the units it sends to. */
export const BENCH_CLERK = 'bench-clerk';
const PASSWORD = 'Một-cửa liên thông, quầy số 9 (benchmark)';

/**
 * Makes the bench's clerk a real account on the app's database, as an administrator would
 * (`npm run dossier -- user add … --role clerk --unit <units>`), and returns a bearer token naming it.
 */
export async function benchClerkToken(
  app: { databaseUrl(): string; tokenSecret: string },
  units: readonly string[],
): Promise<string> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const args = [
    path.join(root, 'scripts/run.cjs'),
    'scripts/cli/main.ts',
    'user',
    'add',
    '--username',
    BENCH_CLERK,
    '--name',
    'Cán bộ tiếp nhận (benchmark)',
    '--role',
    'clerk',
    '--unit',
    units.join(','),
    '--password',
    PASSWORD,
  ];
  const env = { ...process.env, DATABASE_URL: app.databaseUrl(), LOG_LEVEL: 'warn' };
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, env, timeout: 90_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`user add ${BENCH_CLERK} failed: ${error.message}\n${stdout}${stderr}`)) : resolve(),
    ),
  );
  return signToken(BENCH_CLERK, app.tokenSecret, 3600);
}

/** Signs the bench's clerk in as a person would: the session cookie and the CSRF token every write sends back. */
export async function benchClerkSession(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_CLERK, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-in of ${BENCH_CLERK} failed: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
