import type { Principal } from './principal';

/** What the guard needs of a request to find who sent it. */
export interface AuthRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

/**
 * Finds the principal of a request (a session cookie, a bearer token): `missing` when it carries none. Throws an
 * error of kind `unauthenticated` (401) for bad credentials and `forbidden` (403) for a cross-site write.
 * Provided by the accounts lib under PRINCIPAL_RESOLVER; the platform only knows this port.
 */
export interface PrincipalResolver {
  resolve(request: AuthRequest): Promise<Principal | 'missing'>;
}

export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
