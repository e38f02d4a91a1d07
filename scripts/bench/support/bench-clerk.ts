import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Role } from '@app/domain';
import { signToken } from '@app/platform';

/** The account the bench's receipts come from: a clerk of the units it sends to. */
export const BENCH_CLERK = 'bench-clerk';
export const BENCH_PASSWORD = 'Một-cửa liên thông, quầy số 9 (benchmark)';

/**
 * Makes the bench's clerk a real account on the app's database, as an administrator would
 * (`npm run dossier -- user add … --role clerk --unit <units>`), and returns a bearer token naming it.
 */
export async function benchClerkToken(
  app: { databaseUrl(): string; tokenSecret: string },
  units: readonly string[],
): Promise<string> {
  await benchAccount(app, { username: BENCH_CLERK, name: 'Cán bộ tiếp nhận (benchmark)', role: 'clerk', units });
  return signToken(BENCH_CLERK, app.tokenSecret, 3600);
}

/** An account on the app's database made with the CLI (`user add`), signing in with BENCH_PASSWORD. */
export async function benchAccount(
  app: { databaseUrl(): string },
  account: { username: string; name: string; role: Role; units: readonly string[] },
): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const args = [
    path.join(root, 'scripts/run.cjs'),
    'scripts/cli/main.ts',
    'user',
    'add',
    '--username',
    account.username,
    '--name',
    account.name,
    '--role',
    account.role,
    '--unit',
    account.units.join(','),
    '--password',
    BENCH_PASSWORD,
  ];
  const env = { ...process.env, DATABASE_URL: app.databaseUrl(), LOG_LEVEL: 'warn' };
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, env, timeout: 90_000 }, (error, stdout, stderr) =>
      // made by an earlier run on a kept database (bench-postgres.ts): the same password, nothing to do
      !error || `${stdout}${stderr}`.includes('đã có tài khoản')
        ? resolve()
        : reject(new Error(`user add ${account.username} failed: ${error.message}\n${stdout}${stderr}`)),
    ),
  );
}

/** Signs the bench's clerk in as a person would: the session cookie and the CSRF token every write sends back. */
export async function benchClerkSession(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_CLERK, password: BENCH_PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-in of ${BENCH_CLERK} failed: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
