import { createHmac } from 'node:crypto';
import { actsFor, hasRole, type Principal, readsFor } from './principal';
import { InvalidTokenError, MAX_TOKEN_LIFETIME_SECONDS, signToken, verifyToken } from './token';

describe('access tokens', () => {
  const secret = 'a-test-secret-that-is-long-enough-123';
  const clerk = 'clerk-1';

  it('round-trips the account it names', () => {
    expect(verifyToken(signToken(clerk, secret), secret)).toEqual(clerk);
  });

  it('rejects a forged, tampered, expired or malformed token', () => {
    const token = signToken(clerk, secret);
    expect(() => verifyToken(token, 'another-secret-another-secret-xx')).toThrow(InvalidTokenError);
    const [h, , s] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', units: ['*'], iat: 1, exp: 9e9 })).toString(
      'base64url',
    );
    expect(() => verifyToken(`${h}.${admin}.${s}`, secret)).toThrow('bad signature');
    expect(() => verifyToken(signToken(clerk, secret, 10, Date.now() - 60_000), secret)).toThrow('token expired');
    expect(() => verifyToken('abc', secret)).toThrow('malformed token');
  });

  const forge = (claims: Record<string, unknown>): string => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const body = `${header}.${Buffer.from(JSON.stringify({ sub: 'clerk-1', role: 'clerk', units: ['unit-a'], ...claims })).toString('base64url')}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const now = Math.floor(Date.now() / 1000);

  it('accepts a well-formed token signed elsewhere, nbf included', () => {
    expect(verifyToken(forge({ iat: now, nbf: now, exp: now + 600 }), secret)).toEqual(clerk);
  });

  it('refuses a token not valid yet (nbf), issued in the future (iat) or living too long (exp − iat)', () => {
    expect(() => verifyToken(forge({ iat: now, nbf: now + 3600, exp: now + 7200 }), secret)).toThrow(
      'token not valid yet',
    );
    expect(() => verifyToken(forge({ iat: now + 3600, exp: now + 7200 }), secret)).toThrow(
      'token issued in the future',
    );
    expect(() => verifyToken(forge({ iat: now, exp: now + MAX_TOKEN_LIFETIME_SECONDS + 1 }), secret)).toThrow(
      'token lifetime too long',
    );
    expect(() => verifyToken(forge({ iat: 0, exp: 9e9 }), secret)).toThrow('token lifetime too long');
    expect(() => verifyToken(forge({ exp: now + 600 }), secret)).toThrow('token claims are incomplete');
    expect(() => verifyToken(forge({ iat: now, nbf: 'soon', exp: now + 600 }), secret)).toThrow(
      'token claims are incomplete',
    );
  });

  it('never signs a token that would be refused', () => {
    expect(() => signToken(clerk, secret, MAX_TOKEN_LIFETIME_SECONDS + 1)).toThrow(RangeError);
  });

  const principal = (roles: Principal['roles']): Principal => ({
    subject: 'p',
    name: 'P',
    kind: 'person',
    roles,
    via: 'token',
  });

  it('limits clerks to their units, lets auditors read everything and directors read their units only', () => {
    const c = principal([{ role: 'clerk', unitId: 'unit-a' }]);
    expect(actsFor(c, 'unit-a')).toBe(true);
    expect(readsFor(c, 'unit-a')).toBe(true);
    expect(actsFor(c, 'unit-b')).toBe(false);
    const auditor = principal([{ role: 'auditor', unitId: '*' }]);
    expect(readsFor(auditor, 'unit-b')).toBe(true);
    expect(actsFor(auditor, 'unit-b')).toBe(false);
    const director = principal([{ role: 'director', unitId: 'unit-a' }]);
    expect(readsFor(director, 'unit-a')).toBe(true);
    expect(readsFor(director, 'unit-b')).toBe(false);
    expect(actsFor(director, 'unit-a')).toBe(false);
    expect(hasRole(director, 'director')).toBe(true);
    expect(hasRole(director, 'clerk', 'admin')).toBe(false);
  });
});
