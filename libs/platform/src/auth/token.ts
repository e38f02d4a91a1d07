import { createHmac, timingSafeEqual } from 'node:crypto';

/** Roles of the people who use the system (DESIGN.md § users). */
export const ROLES = ['clerk', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: recorded as the actor of every event they cause. */
export interface Principal {
  subject: string;
  role: Role;
  /** Units the holder may act for; admins and auditors are not limited (`['*']`). */
  units: string[];
}

export interface TokenClaims {
  sub: string;
  role: Role;
  units: string[];
  iat: number;
  exp: number;
}

export class InvalidTokenError extends Error {}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = encode({ alg: 'HS256', typ: 'JWT' });

/** Signs a JWT (HS256) for a principal, valid for `ttlSeconds`. */
export function signToken(principal: Principal, secret: string, ttlSeconds = 12 * 3600, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = { sub: principal.subject, role: principal.role, units: principal.units, iat, exp: iat + ttlSeconds };
  const body = `${HEADER}.${encode(claims)}`;
  return `${body}.${sign(body, secret)}`;
}

/** Verifies signature, algorithm, expiry and claims; returns the principal. */
export function verifyToken(token: string, secret: string, now = Date.now()): Principal {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('malformed token');
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new InvalidTokenError('bad signature');
  let claims: Partial<TokenClaims>;
  let alg: unknown;
  try {
    alg = JSON.parse(Buffer.from(header, 'base64url').toString()).alg;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  } catch {
    throw new InvalidTokenError('malformed token');
  }
  if (alg !== 'HS256') throw new InvalidTokenError('unsupported algorithm');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) throw new InvalidTokenError('token expired');
  if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role) || !Array.isArray(claims.units)) {
    throw new InvalidTokenError('token claims are incomplete');
  }
  return { subject: claims.sub, role: claims.role as Role, units: claims.units.map(String) };
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** True when the principal may act (write or read as a counter) for the unit. */
export function actsFor(principal: Principal, unitId: string): boolean {
  if (principal.role === 'auditor') return false;
  return principal.role === 'admin' || principal.units.includes('*') || principal.units.includes(unitId);
}

/** True when the principal may read the unit's dossiers and figures. */
export function readsFor(principal: Principal, unitId: string): boolean {
  return principal.role === 'auditor' || actsFor(principal, unitId);
}
