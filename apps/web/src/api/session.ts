import { useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';
import type { SessionInfo } from './types';

export const SESSION_KEY = ['session'] as const;

/** Who is signed in, or null. Keeps the session's CSRF token for the writes. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionInfo | null> => {
      try {
        const session = await api<SessionInfo>('/api/v1/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export async function signIn(username: string, password: string): Promise<void> {
  const answer = await api<{ csrfToken: string }>('/api/v1/session', { method: 'POST', body: { username, password } });
  setCsrfToken(answer.csrfToken);
}

/** Signs out and reloads the page: nothing of the session's data stays in the page's memory. */
export function useSignOut() {
  return async () => {
    try {
      await api('/api/v1/session', { method: 'DELETE' });
    } finally {
      setCsrfToken(undefined);
      window.location.assign('/');
    }
  };
}

/** The units the principal serves in (distinct unit ids of its roles, `*` = every unit). */
export function unitsOf(session: SessionInfo): string[] {
  return [...new Set(session.roles.map((r) => r.unitId))];
}

export function hasRole(session: SessionInfo, roles: string[], unitId?: string): boolean {
  return session.roles.some(
    (r) => roles.includes(r.role) && (unitId === undefined || r.unitId === '*' || r.unitId === unitId),
  );
}
