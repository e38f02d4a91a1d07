import { InvalidTokenError, actsFor, readsFor, signToken, verifyToken } from './token';

describe('access tokens', () => {
  const secret = 'a-test-secret-that-is-long-enough-123';
  const clerk = { subject: 'clerk-1', role: 'clerk' as const, units: ['unit-a'] };

  it('round-trips a principal', () => {
    expect(verifyToken(signToken(clerk, secret), secret)).toEqual(clerk);
  });

  it('rejects a forged, tampered, expired or malformed token', () => {
    const token = signToken(clerk, secret);
    expect(() => verifyToken(token, 'another-secret-another-secret-xx')).toThrow(InvalidTokenError);
    const [h, , s] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', units: ['*'], iat: 1, exp: 9e9 })).toString('base64url');
    expect(() => verifyToken(`${h}.${admin}.${s}`, secret)).toThrow('bad signature');
    expect(() => verifyToken(signToken(clerk, secret, 10, Date.now() - 60_000), secret)).toThrow('token expired');
    expect(() => verifyToken('abc', secret)).toThrow('malformed token');
  });

  it('limits clerks to their units and lets auditors read everything', () => {
    expect(actsFor(clerk, 'unit-a')).toBe(true);
    expect(actsFor(clerk, 'unit-b')).toBe(false);
    const auditor = { subject: 'a', role: 'auditor' as const, units: [] };
    expect(readsFor(auditor, 'unit-b')).toBe(true);
    expect(actsFor(auditor, 'unit-b')).toBe(false);
  });
});
