import { execFile } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { AccountsService, PENDING_LOGIN_COOKIE, SESSION_COOKIE } from '@app/accounts';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { createTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'http://localhost:8080';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/session/oidc/callback`;
const SETUP = { actor: 'test-setup', actorName: 'Thiết lập kiểm thử' };
const PASSWORD = 'sông Hương núi Ngự 2026';

type Answer = request.Response;
const setCookies = (response: Answer): string[] => {
  const header = response.headers['set-cookie'] as unknown as string[] | string | undefined;
  return Array.isArray(header) ? header : header ? [header] : [];
};
const cookieOf = (response: Answer, name: string) => setCookies(response).find((c) => c.startsWith(`${name}=`));
const pairOf = (setCookie: string | undefined) => setCookie?.split(';')[0] ?? '';

/**
 * Single sign-on end to end against a real OpenID provider (oidc-provider on a loopback port): the app redirects to
 * it, a browser signs in there, and the provider's answer comes back to the app's callback, which talks to the
 * provider (code exchange, keys, UserInfo) over HTTP like it would to the province's.
 */
describe('single sign-on (OpenID Connect) against a real provider', () => {
  let provider: TestOidcProvider;
  let subject: TestApp;
  let accounts: AccountsService;
  let adminToken: string;
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    provider = await startOidcProvider(REDIRECT_URI);
    subject = await createTestApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      PUBLIC_URL,
    });
    accounts = subject.app.get(AccountsService);
    adminToken = await subject.token('admin');
  });
  afterAll(async () => {
    await subject.close();
    await provider.close();
  });

  const register = (username: string, displayName: string) =>
    accounts.register(
      {
        username,
        displayName,
        grants: [{ role: 'clerk', unitId: 'hue-pvhcc', validFrom: '2020-01-01' }],
        password: PASSWORD,
      },
      SETUP,
    );
  const linkByAdmin = (username: string, sub: string, token = adminToken) =>
    http()
      .post(`/api/v1/accounts/${username}/identities`)
      .set('Authorization', `Bearer ${token}`)
      .send({ issuer: provider.issuer, subject: sub });
  const history = (username: string) => accounts.history(username);

  /** The whole round: the app's redirect, the provider's sign-in as `sub`, the provider's answer to the callback. */
  async function signInAs(sub: string, returnTo?: string, forge?: (answer: URL) => void) {
    const start = await http()
      .get('/api/v1/session/oidc')
      .query(returnTo === undefined ? {} : { returnTo });
    expect(start.status).toBe(302);
    const pending = cookieOf(start, PENDING_LOGIN_COOKIE);
    const answer = await signInAtProvider(start.headers.location as string, REDIRECT_URI, sub);
    forge?.(answer);
    const callback = await http().get(`${answer.pathname}${answer.search}`).set('Cookie', pairOf(pending));
    return { start, pending, answer, callback, session: pairOf(cookieOf(callback, SESSION_COOKIE)) };
  }

  it('(a) a linked account signs in: the redirect carries PKCE, state and nonce; the callback sets the session cookie', async () => {
    await register('nguyenvana', 'Nguyễn Văn A');
    provider.users.set('sub-a', { name: 'Nguyễn Văn A', preferred_username: 'a.nguyen' });
    await linkByAdmin('nguyenvana', 'sub-a').expect(201);

    const { start, pending, callback, session } = await signInAs('sub-a', '/dossiers?code=000.00.01.H57-261126-0001');

    const authorization = new URL(start.headers.location as string);
    expect(authorization.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
      scope: expect.stringContaining('openid'),
    });
    expect(pending).toMatch(
      new RegExp(`^${PENDING_LOGIN_COOKIE}=[\\w-]+; Path=/api/v1/session/oidc; HttpOnly; SameSite=Lax; Max-Age=600$`),
    );

    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/dossiers?code=000.00.01.H57-261126-0001');
    expect(cookieOf(callback, SESSION_COOKIE)).toMatch(
      /^dossier_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect(cookieOf(callback, PENDING_LOGIN_COOKIE)).toMatch(/Max-Age=0/);

    const me = await http().get('/api/v1/session').set('Cookie', session).expect(200);
    expect(me.body).toMatchObject({ username: 'nguyenvana', via: 'session', roles: [{ role: 'clerk' }] });
    const sessions = await http().get('/api/v1/session/all').set('Cookie', session).expect(200);
    expect(sessions.body[0]).toMatchObject({ method: 'oidc', current: true });
    expect((await history('nguyenvana')).at(-1)).toMatchObject({
      type: 'SignedIn',
      data: { method: 'oidc' },
      metadata: { actor: 'nguyenvana' },
    });
  });

  it('(b) links by preferred_username on a first sign-in (an ExternalIdentityLinked event), then by the subject', async () => {
    await register('tranthib', 'Trần Thị B');
    provider.users.set('sub-b', { name: 'Trần Thị B', preferred_username: 'TranThiB' });

    const first = await signInAs('sub-b', 'https://evil.example/phishing');
    expect(first.callback.status).toBe(302);
    expect(first.callback.headers.location).toBe('/'); // never to another site
    const linked = (await history('tranthib')).filter((e) => e.type === 'ExternalIdentityLinked');
    expect(linked).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ issuer: provider.issuer, subject: 'sub-b' }),
        metadata: expect.objectContaining({ actor: 'tranthib', actorName: 'Trần Thị B' }),
      }),
    ]);
    const identities = await http()
      .get('/api/v1/accounts/tranthib/identities')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(identities.body).toEqual([
      { username: 'tranthib', issuer: provider.issuer, subject: 'sub-b', linkedAt: expect.any(String) },
    ]);

    // the provider's username changes: the link by subject holds, and nothing new is linked
    provider.users.set('sub-b', { name: 'Trần Thị B', preferred_username: 'b.tran' });
    const second = await signInAs('sub-b');
    expect(second.callback.status).toBe(302);
    await http().get('/api/v1/session').set('Cookie', second.session).expect(200);
    expect((await history('tranthib')).filter((e) => e.type === 'ExternalIdentityLinked')).toHaveLength(1);
  });

  it('(b) a matching username does not take over an account already linked to another subject of the provider', async () => {
    await register('levanc', 'Lê Văn C');
    provider.users.set('sub-c', { name: 'Lê Văn C' });
    provider.users.set('sub-c-impostor', { name: 'Kẻ mạo danh', preferred_username: 'levanc' });
    await linkByAdmin('levanc', 'sub-c').expect(201);

    const { callback, session } = await signInAs('sub-c-impostor');
    expect(callback.status).toBe(403);
    expect(callback.body).toMatchObject({ code: 'OIDC_NOT_REGISTERED' });
    expect(session).toBe('');
    expect((await signInAs('sub-c')).callback.status).toBe(302);
  });

  it('(c) an unknown subject is refused in Vietnamese, and no account is created', async () => {
    provider.users.set('sub-x', { name: 'Người lạ', preferred_username: 'nguoila' });
    provider.users.set('sub-y', { name: 'Không tên' }); // no preferred_username at all

    for (const sub of ['sub-x', 'sub-y']) {
      const { callback, session } = await signInAs(sub);
      expect(callback.status).toBe(403);
      expect(callback.body).toEqual({
        statusCode: 403,
        code: 'OIDC_NOT_REGISTERED',
        message: 'Tài khoản đăng nhập một lần này chưa được đăng ký trong hệ thống; vui lòng liên hệ quản trị viên.',
      });
      expect(session).toBe('');
      expect(cookieOf(callback, PENDING_LOGIN_COOKIE)).toMatch(/Max-Age=0/);
    }
    await expect(accounts.view('nguoila')).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });

  it('(d) a disabled account is refused (403, no session, a failed sign-in recorded); its open session ended', async () => {
    await register('phamvand', 'Phạm Văn D');
    provider.users.set('sub-d', { name: 'Phạm Văn D', preferred_username: 'phamvand' });
    const before = await signInAs('sub-d');
    expect(before.callback.status).toBe(302);

    await http()
      .post('/api/v1/accounts/phamvand/disable')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ reason: 'Nghỉ việc' })
      .expect(201);
    await http().get('/api/v1/session').set('Cookie', before.session).expect(401);

    const after = await signInAs('sub-d');
    expect(after.callback.status).toBe(403);
    expect(after.callback.body).toMatchObject({
      code: 'OIDC_ACCOUNT_DISABLED',
      message: expect.stringMatching(/bị khoá/),
    });
    expect(after.session).toBe('');
    expect((await history('phamvand')).at(-1)).toMatchObject({
      type: 'SignInFailed',
      data: { reason: 'disabled' },
    });

    // nor is a disabled account linked by its username on a first sign-in
    await register('dangthie', 'Đặng Thị E');
    await accounts.disable('dangthie', 'Chuyển công tác', SETUP);
    provider.users.set('sub-e', { name: 'Đặng Thị E', preferred_username: 'dangthie' });
    expect((await signInAs('sub-e')).callback.status).toBe(403);
    expect((await history('dangthie')).some((e) => e.type === 'ExternalIdentityLinked')).toBe(false);
  });

  it('(e) a forged state, a missing or altered pending login are refused without a session', async () => {
    await register('hoangvang', 'Hoàng Văn G');
    provider.users.set('sub-g', { name: 'Hoàng Văn G', preferred_username: 'hoangvang' });

    const forged = await signInAs('sub-g', undefined, (answer) => answer.searchParams.set('state', 'forged-state'));
    expect(forged.callback.status).toBe(401);
    expect(forged.callback.body).toMatchObject({ code: 'OIDC_REJECTED' });
    expect(forged.session).toBe('');

    // the provider's genuine answer, without the cookie of the browser that began (a login started elsewhere)
    const start = await http().get('/api/v1/session/oidc').expect(302);
    const answer = await signInAtProvider(start.headers.location as string, REDIRECT_URI, 'sub-g');
    const noCookie = await http().get(`${answer.pathname}${answer.search}`);
    expect(noCookie.status).toBe(401);
    expect(noCookie.body).toMatchObject({ code: 'OIDC_LOGIN_EXPIRED' });
    const altered = await http()
      .get(`${answer.pathname}${answer.search}`)
      .set('Cookie', `${PENDING_LOGIN_COOKIE}=${'A'.repeat(120)}`);
    expect(altered.status).toBe(401);
    expect(setCookies(altered).some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    expect((await history('hoangvang')).some((e) => e.type === 'SignedIn' || e.type === 'ExternalIdentityLinked')).toBe(
      false,
    );
  });

  it('administrators link explicitly: 409 for a subject linked elsewhere, 400 for a bad issuer, 403 for others', async () => {
    await register('vuthih', 'Vũ Thị H');
    await linkByAdmin('vuthih', 'sub-h').expect(201);
    await linkByAdmin('vuthih', 'sub-h').expect(201); // again: nothing changes
    expect((await history('vuthih')).filter((e) => e.type === 'ExternalIdentityLinked')).toHaveLength(1);
    expect((await linkByAdmin('nguyenvana', 'sub-h')).body).toMatchObject({
      statusCode: 409,
      code: 'IDENTITY_ALREADY_LINKED',
    });
    await http()
      .post('/api/v1/accounts/vuthih/identities')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ issuer: 'not a url', subject: 'x' })
      .expect(400);
    await linkByAdmin('khong-co-ai', 'sub-z').expect(404);
    await linkByAdmin('vuthih', 'sub-h2', await subject.token('clerk', ['hue-pvhcc'])).expect(403);
  });

  it('the command line links too: npm run dossier -- user link', async () => {
    await register('ngothik', 'Ngô Thị K');
    provider.users.set('sub-k', { name: 'Ngô Thị K' });
    const root = path.resolve(__dirname, '..', '..');
    const args = ['user', 'link', '--username', 'ngothik', '--issuer', provider.issuer, '--subject', 'sub-k'];
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [path.join(root, 'scripts/run.cjs'), 'scripts/cli/main.ts', ...args],
        { cwd: root, env: { ...process.env, DATABASE_URL: subject.database.url } },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    expect(output).toContain(`ngothik ← đăng nhập một lần: ${provider.issuer} · sub-k`);
    const { callback, session } = await signInAs('sub-k');
    expect(callback.status).toBe(302);
    await http().get('/api/v1/session').set('Cookie', session).expect(200);
  });
});

describe('single sign-on switched off (no OIDC_* configured)', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(() => subject.close());

  it.each(['/api/v1/session/oidc', '/api/v1/session/oidc/callback?code=x&state=y'])(
    '%s → 404 OIDC_DISABLED',
    async (url) => {
      const answer = await request(subject.app.getHttpServer()).get(url);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'OIDC_DISABLED', message: expect.stringMatching(/chưa được bật/) });
    },
  );
});
