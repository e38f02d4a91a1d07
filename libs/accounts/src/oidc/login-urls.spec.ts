import { callbackUrl, isLoopbackHttp, safeReturnTo } from './login-urls';

describe('the redirect URI', () => {
  it('is PUBLIC_URL (with its path, if any) + the callback path, else the origin the request came to', () => {
    expect(callbackUrl('https://motcua.example.gov.vn', 'http://10.0.0.5:3000')).toBe(
      'https://motcua.example.gov.vn/api/v1/session/oidc/callback',
    );
    expect(callbackUrl('https://example.gov.vn/motcua/', 'http://x')).toBe(
      'https://example.gov.vn/motcua/api/v1/session/oidc/callback',
    );
    expect(callbackUrl(undefined, 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/api/v1/session/oidc/callback');
  });
});

describe('returnTo', () => {
  it.each(['/', '/dossiers', '/dossiers/abc?tab=history#events', '/bao-cao?tu=2020-06-10'])('keeps %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    undefined,
    '',
    ['/a', '/b'],
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'dossiers',
    '/a\nSet-Cookie: x=y',
    `/${'a'.repeat(1000)}`,
  ])('sends %p home (/)', (given) => {
    expect(safeReturnTo(given)).toBe('/');
  });
});

describe('plain http to the issuer', () => {
  it('only on this machine', () => {
    expect(isLoopbackHttp('http://127.0.0.1:4000')).toBe(true);
    expect(isLoopbackHttp('http://localhost:4000/realms/x')).toBe(true);
    expect(isLoopbackHttp('http://[::1]:4000')).toBe(true);
    expect(isLoopbackHttp('http://sso.example.gov.vn')).toBe(false);
    expect(isLoopbackHttp('http://127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackHttp('https://localhost')).toBe(false);
  });
});
