import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed token names an account; what it may do comes from the account's roles in force when it is used (a token
 * outlives no revocation, no disabling, no move to another unit).
 */
export interface TokenClaims {
  sub: string;
  iat: number;
  exp: number;
  /** Not before (optional): the token is refused until then. */
  nbf?: number;
}

/** The longest a token may live (exp − iat): a working day and a half. Longer ones are refused, whoever signed them. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** Clock difference tolerated between the signer and this server, for iat and nbf. */
const CLOCK_SKEW_SECONDS = 60;

export class InvalidTokenError extends Error {}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = encode({ alg: 'HS256', typ: 'JWT' });

/** Signs a JWT (HS256) naming an account, valid for `ttlSeconds`. */
export function signToken(
  subject: string,
  secret: string,
  ttlSeconds = MAX_TOKEN_LIFETIME_SECONDS,
  now = Date.now(),
): string {
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_TOKEN_LIFETIME_SECONDS)) {
    throw new RangeError(`a token lives at most ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours (asked: ${ttlSeconds} s)`);
  }
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = {
    sub: subject,
    iat,
    exp: iat + ttlSeconds,
  };
  const body = `${HEADER}.${encode(claims)}`;
  return `${body}.${sign(body, secret)}`;
}

/**
 * Verifies signature, algorithm and claims; returns the account id it names. Refused: an expired token, one not valid yet
 * (`nbf`), one issued in the future (`iat`, beyond a minute of clock skew), and one that lives longer than
 * MAX_TOKEN_LIFETIME_SECONDS (`exp − iat`), so a leaked secret cannot mint everlasting tokens unnoticed.
 */
export function verifyToken(token: string, secret: string, now = Date.now()): string {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('malformed token');
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new InvalidTokenError('bad signature');
  let claims: Partial<TokenClaims>;
  let alg: unknown;
  try {
    alg = JSON.parse(Buffer.from(header, 'base64url').toString()).alg;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  } catch {
    throw new InvalidTokenError('malformed token');
  }
  if (alg !== 'HS256') throw new InvalidTokenError('unsupported algorithm');
  const seconds = now / 1000;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp))
    throw new InvalidTokenError('token claims are incomplete');
  if (claims.exp <= seconds) throw new InvalidTokenError('token expired');
  if (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat))
    throw new InvalidTokenError('token claims are incomplete');
  if (claims.iat > seconds + CLOCK_SKEW_SECONDS) throw new InvalidTokenError('token issued in the future');
  if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_SECONDS) throw new InvalidTokenError('token lifetime too long');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf)))
    throw new InvalidTokenError('token claims are incomplete');
  if (claims.nbf !== undefined && claims.nbf > seconds + CLOCK_SKEW_SECONDS)
    throw new InvalidTokenError('token not valid yet');
  if (typeof claims.sub !== 'string' || claims.sub.length === 0)
    throw new InvalidTokenError('token claims are incomplete');
  return claims.sub;
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
