import request from 'supertest';
import { AccountsService, hashPassword } from '@app/accounts';
import { createTestApp, type TestApp } from '../support/test-app';

const ADMIN = { actor: 'test-setup', actorName: 'Thiết lập kiểm thử' };
const PASSWORD = 'sông Hương núi Ngự 2026';

describe('people sign in with a session cookie', () => {
  let subject: TestApp;
  let accounts: AccountsService;
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    subject = await createTestApp();
    accounts = subject.app.get(AccountsService);
    await accounts.register(
      {
        username: 'lan',
        displayName: 'Trần Thị Lan',
        grants: [{ role: 'clerk', unitId: 'tth-pvhcc', validFrom: '2020-01-01' }],
        password: PASSWORD,
      },
      ADMIN,
    );
  });
  afterAll(() => subject.close());

  const signIn = async (username = 'lan', password = PASSWORD) => {
    const res = await http().post('/api/v1/session').send({ username, password });
    const cookie = (res.headers['set-cookie'] as unknown as string[] | undefined)?.[0];
    return { res, cookie: cookie?.split(';')[0] ?? '', setCookie: cookie ?? '', csrf: res.body.csrfToken as string };
  };

  it('sets an HttpOnly, SameSite=Strict session cookie (not Secure over plain http) and says who is signed in', async () => {
    const { res, cookie, setCookie } = await signIn();
    expect(res.status).toBe(201);
    expect(setCookie).toMatch(/^dossier_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(res.body.account).toMatchObject({ username: 'lan', displayName: 'Trần Thị Lan' });
    const me = await http().get('/api/v1/session').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'lan',
      displayName: 'Trần Thị Lan',
      via: 'session',
      roles: [{ role: 'clerk', unitId: 'tth-pvhcc' }],
    });
    expect(JSON.stringify(me.body)).not.toContain(PASSWORD);
  });

  it('answers a wrong password and an unknown username with the same 401, and records the failure', async () => {
    const wrong = await http().post('/api/v1/session').send({ username: 'lan', password: 'không phải mật khẩu này' });
    const unknown = await http()
      .post('/api/v1/session')
      .send({ username: 'ai-do', password: 'không phải mật khẩu này' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const history = await accounts.history('lan');
    expect(history.at(-1)).toMatchObject({ type: 'SignInFailed', data: { reason: 'wrong-password' } });
    await signIn(); // a success starts the count again
  });

  it('refuses a cookie-authenticated write without the CSRF token or from another origin', async () => {
    const { cookie, csrf } = await signIn();
    const body = {
      procedureCode: 'H-HKD-01',
      receivingUnitId: 'tth-pvhcc',
      channel: 'counter',
      receivedAt: '2020-09-01T02:00:00Z',
    };
    const missing = await http().post('/api/v1/dossiers').set('Cookie', cookie).send(body);
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('CSRF_REFUSED');
    const elsewhere = await http()
      .post('/api/v1/dossiers')
      .set('Cookie', cookie)
      .set('Origin', 'https://trang-la.example')
      .set('X-CSRF-Token', csrf)
      .send(body);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('CSRF_REFUSED');
    const forged = await http()
      .post('/api/v1/dossiers')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'x'.repeat(32))
      .send(body);
    expect(forged.status).toBe(403);
    const ours = await http().post('/api/v1/dossiers').set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body);
    expect(ours.status).toBe(201);
    // the event names the account and its display name
    const history = await http().get(`/api/v1/dossiers/${ours.body.id}/history`).set('Cookie', cookie);
    expect(history.body.events[0]).toMatchObject({ actor: 'lan', actorName: 'Trần Thị Lan', role: 'clerk' });
  });

  it('sign-out ends the session: the cookie no longer works', async () => {
    const { cookie, csrf } = await signIn();
    const out = await http().delete('/api/v1/session').set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']?.[0]).toContain('Max-Age=0');
    const after = await http().get('/api/v1/session').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('SESSION_ENDED');
  });

  it('lists the sessions, revokes another one, and a password change ends every other session', async () => {
    const first = await signIn();
    const second = await signIn();
    const list = await http().get('/api/v1/session/all').set('Cookie', second.cookie);
    const ids = list.body.map((s: { sessionId: string }) => s.sessionId);
    expect(ids).toContain(first.res.body.sessionId);
    const current = list.body.find((s: { current: boolean }) => s.current);
    expect(current.sessionId).toBe(second.res.body.sessionId);
    const revoked = await http()
      .delete(`/api/v1/session/all/${first.res.body.sessionId}`)
      .set('Cookie', second.cookie)
      .set('X-CSRF-Token', second.csrf);
    expect(revoked.status).toBe(204);
    expect((await http().get('/api/v1/session').set('Cookie', first.cookie)).status).toBe(401);

    const third = await signIn();
    const changed = await http()
      .put('/api/v1/session/password')
      .set('Cookie', second.cookie)
      .set('X-CSRF-Token', second.csrf)
      .send({ currentPassword: PASSWORD, newPassword: 'đèo Hải Vân mây trắng' });
    expect(changed.status).toBe(204);
    expect((await http().get('/api/v1/session').set('Cookie', third.cookie)).status).toBe(401);
    expect((await http().get('/api/v1/session').set('Cookie', second.cookie)).status).toBe(200);
    expect((await signIn('lan', PASSWORD)).res.status).toBe(401);
    expect((await signIn('lan', 'đèo Hải Vân mây trắng')).res.status).toBe(201);
    const types = (await accounts.history('lan')).map((e) => e.type);
    expect(types).toContain('PasswordSet');
    expect(types).toContain('SignedOut');
    await accounts.credentials.save('lan', await hashPassword(PASSWORD));
  });

  it('ends a session after the idle timeout and at its absolute end', async () => {
    const idle = await signIn();
    const old = await signIn();
    // time passes: the first was last used 31 minutes ago, the second began 13 hours ago
    await subject.database.pool.query(
      "UPDATE accounts.sessions SET last_seen_at = now() - interval '31 minutes' WHERE session_id = $1",
      [idle.res.body.sessionId],
    );
    await subject.database.pool.query(
      "UPDATE accounts.sessions SET expires_at = now() - interval '1 hour' WHERE session_id = $1",
      [old.res.body.sessionId],
    );
    // (another request may have the principal cached for AUTH_CACHE_MS: these cookies were never used before)
    expect((await http().get('/api/v1/session').set('Cookie', idle.cookie)).status).toBe(401);
    expect((await http().get('/api/v1/session').set('Cookie', old.cookie)).status).toBe(401);
  });

  it('locks the account after five failures in a row (429, recorded), until an administrator unlocks it', async () => {
    await accounts.register(
      {
        username: 'minh',
        displayName: 'Lê Văn Minh',
        grants: [{ role: 'supervisor', unitId: 'tth-pvhcc' }],
        password: PASSWORD,
      },
      ADMIN,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn('minh', `sai mật khẩu lần ${i}`)).res.status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const locked = await signIn('minh'); // even the right password, while locked
    expect(locked.res.status).toBe(429);
    expect(locked.res.body.code).toBe('ACCOUNT_LOCKED');
    const types = (await accounts.history('minh')).map((e) => e.type);
    expect(types.filter((t) => t === 'SignInFailed')).toHaveLength(7);
    expect(types).toContain('AccountLocked');
    await accounts.unlock('minh', ADMIN);
    expect((await signIn('minh')).res.status).toBe(201);
  });

  it('a one-time password opens only the password change', async () => {
    const { password } = await accounts.register(
      { username: 'hoa', displayName: 'Phan Thị Hoa', grants: [{ role: 'clerk', unitId: 'tth-pvhcc' }] },
      ADMIN,
    );
    const session = await signIn('hoa', password);
    expect(session.res.status).toBe(201);
    const work = await http().get('/api/v1/dossiers?code=000.00.01.H57-200901-0001').set('Cookie', session.cookie);
    expect(work.status).toBe(403);
    expect(work.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await http()
      .put('/api/v1/session/password')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf)
      .send({ currentPassword: password, newPassword: 'Phá Tam Giang chiều tà' });
    expect(changed.status).toBe(204);
    const me = await http().get('/api/v1/session').set('Cookie', session.cookie);
    expect(me.body.mustChangePassword).toBe(false);
  });
});

describe('behind TLS, and failed sign-ins from one address', () => {
  it('sets a Secure cookie when PUBLIC_URL is https; throttles an address after 20 failures and records it', async () => {
    const subject = await createTestApp({ PUBLIC_URL: 'https://motcua.thuathienhue.gov.vn' });
    try {
      await subject.app
        .get(AccountsService)
        .register({ username: 'lan', displayName: 'Trần Thị Lan', password: PASSWORD }, ADMIN);
      const signedIn = await request(subject.app.getHttpServer())
        .post('/api/v1/session')
        .send({ username: 'lan', password: PASSWORD });
      expect(signedIn.headers['set-cookie']?.[0]).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const res = await request(subject.app.getHttpServer())
          .post('/api/v1/session')
          .send({ username: `khong-co-${i}`, password: 'một mật khẩu sai bất kỳ' });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
      const { rows } = await subject.database.pool.query(
        "SELECT data FROM event_store.events WHERE stream_id LIKE 'sign-in-address-%' AND type = 'SignInThrottled'",
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].data).toMatchObject({ failures: 20 });
    } finally {
      await subject.close();
    }
  });
});
