import { InvalidTokenError, type Principal, verifyToken } from './token';

/** The principal of an `Authorization: Bearer <token>` header; `missing` without one; throws InvalidTokenError for a bad one. */
export function bearerPrincipal(header: string | undefined, secret: string): Principal | 'missing' {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return 'missing';
  return verifyToken(match[1] as string, secret);
}

/** The principal of the header, or undefined when there is none or it is not valid (for routes open to everyone). */
export function optionalPrincipal(header: string | undefined, secret: string): Principal | undefined {
  try {
    const principal = bearerPrincipal(header, secret);
    return principal === 'missing' ? undefined : principal;
  } catch (error) {
    if (error instanceof InvalidTokenError) return undefined;
    throw error;
  }
}
