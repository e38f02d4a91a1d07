import {
  clearedPendingLoginCookie,
  PENDING_LOGIN_SECONDS,
  pendingLoginCookie,
  PendingLoginSealer,
  pendingLoginValue,
} from './pending-login';

const LOGIN = {
  codeVerifier: 'v'.repeat(43),
  state: 's'.repeat(43),
  nonce: 'n'.repeat(43),
  redirectUri: 'https://motcua.example.gov.vn/api/v1/session/oidc/callback',
  returnTo: '/dossiers?code=000.00.01.H57-261126-0001',
};

describe('the pending login cookie', () => {
  const sealer = new PendingLoginSealer('a-token-secret-of-at-least-32-characters');

  it('opens what it sealed, until it expires', () => {
    const now = Date.parse('2026-07-01T08:00:00Z');
    const sealed = sealer.seal(LOGIN, now);
    expect(sealed).not.toContain(LOGIN.state); // sealed, not merely encoded
    expect(sealer.open(sealed, now + 1000)).toEqual({ ...LOGIN, expiresAt: now + PENDING_LOGIN_SECONDS * 1000 });
    expect(sealer.open(sealed, now + PENDING_LOGIN_SECONDS * 1000)).toBeUndefined();
  });

  it('refuses a value altered, truncated, sealed with another key, or missing', () => {
    const sealed = sealer.seal(LOGIN);
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[20] = (flipped[20] as number) ^ 1;
    expect(sealer.open(flipped.toString('base64url'))).toBeUndefined();
    expect(sealer.open(sealed.slice(0, 30))).toBeUndefined();
    expect(new PendingLoginSealer('another-secret-of-at-least-32-characters!').open(sealed)).toBeUndefined();
    expect(sealer.open(undefined)).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Lax (it must follow the provider back), scoped to the OIDC paths, short-lived', () => {
    expect(pendingLoginCookie('x', false)).toBe(
      'dossier_oidc_login=x; Path=/api/v1/session/oidc; HttpOnly; SameSite=Lax; Max-Age=600',
    );
    expect(pendingLoginCookie('x', true)).toMatch(/; Secure$/);
    expect(clearedPendingLoginCookie(false)).toMatch(/^dossier_oidc_login=; .*Max-Age=0/);
  });

  it('is read from a Cookie header among others', () => {
    expect(pendingLoginValue('dossier_session=abc; dossier_oidc_login=xyz; other=1')).toBe('xyz');
    expect(pendingLoginValue(['a=1', 'dossier_oidc_login=q'])).toBe('q');
    expect(pendingLoginValue('dossier_oidc_login=')).toBeUndefined();
    expect(pendingLoginValue(undefined)).toBeUndefined();
  });
});
