import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  Account,
  AccountEventEntry,
  AccountSession,
  CalendarYearRecord,
  ProcedureRecord,
  ReferenceKind,
  ReferenceSetView,
  UnitRecord,
} from './types';

const user = (username: string) => encodeURIComponent(username);

export const accountsKey = ['admin', 'accounts'] as const;
export const accountKey = (username: string) => ['admin', 'account', username] as const;

export function useAccounts() {
  return useQuery({ queryKey: accountsKey, queryFn: () => api<Account[]>('/api/v1/accounts') });
}

export function useAccount(username: string) {
  return useQuery({
    queryKey: accountKey(username),
    queryFn: () => api<Account>(`/api/v1/accounts/${user(username)}`),
    retry: false,
  });
}

export function useAccountHistory(username: string) {
  return useQuery({
    queryKey: [...accountKey(username), 'history'],
    queryFn: () => api<AccountEventEntry[]>(`/api/v1/accounts/${user(username)}/history`),
    retry: false,
  });
}

export function useAccountSessions(username: string) {
  return useQuery({
    queryKey: [...accountKey(username), 'sessions'],
    queryFn: () => api<AccountSession[]>(`/api/v1/accounts/${user(username)}/sessions`),
    retry: false,
  });
}

/** After a change: the list, the account, its history and sessions are read again. */
export function useAccountChanged() {
  const client = useQueryClient();
  return (username: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: accountsKey }),
      client.invalidateQueries({ queryKey: accountKey(username) }),
    ]);
}

export const referenceKey = (kind: ReferenceKind) => ['admin', 'reference', kind] as const;

/** Every version of every record of a kind (not only those in force), with the set's version. */
export function useReference<T>(kind: ReferenceKind) {
  return useQuery({
    queryKey: referenceKey(kind),
    queryFn: () => api<ReferenceSetView<T>>(`/api/v1/reference/${kind}`),
  });
}

export const useUnitRecords = () => useReference<UnitRecord>('units');
export const useProcedureRecords = () => useReference<ProcedureRecord>('procedures');
export const useCalendarYears = () => useReference<CalendarYearRecord>('calendar');

/** After a change of reference data: the admin tables and the desk's own copies (unit switcher, receipt form). */
export function useReferenceChanged() {
  const client = useQueryClient();
  return (kind: ReferenceKind) =>
    Promise.all([
      client.invalidateQueries({ queryKey: referenceKey(kind) }),
      client.invalidateQueries({ queryKey: ['reference'] }),
    ]);
}
