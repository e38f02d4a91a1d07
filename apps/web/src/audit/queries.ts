import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import type { FiledReport, FilingComparison, IntegrityStatus, SealExport, VerificationRun } from './types';

const noRetryOn4xx = (count: number, error: unknown) => count < 1 && !(error instanceof ApiError && error.status < 500);

export const filingUrl = (id: string): string => `/api/v1/reports/filings/${encodeURIComponent(id)}`;

/** A filed report: its figures never change (staleTime Infinity). */
export function useFiling(id: string) {
  return useQuery({
    queryKey: ['report-filing', id],
    queryFn: ({ signal }) => api<FiledReport>(filingUrl(id), { signal }),
    staleTime: Infinity,
    retry: noRetryOn4xx,
  });
}

/** Filed versus now: recomputed on each visit (the log moves on). */
export function useFilingComparison(id: string) {
  return useQuery({
    queryKey: ['report-filing-comparison', id],
    queryFn: ({ signal }) => api<FilingComparison>(`${filingUrl(id)}/comparison`, { signal }),
    staleTime: 0,
    retry: noRetryOn4xx,
  });
}

export function useIntegrity() {
  return useQuery({
    queryKey: ['audit-integrity'],
    queryFn: ({ signal }) => api<IntegrityStatus>('/api/v1/audit/integrity', { signal }),
    retry: noRetryOn4xx,
    refetchInterval: 30_000,
  });
}

export function useSeals(page: number) {
  return useQuery({
    queryKey: ['audit-seals', page],
    queryFn: ({ signal }) =>
      api<{ seals: SealExport[]; total: number; page: number; pageSize: number }>(
        `/api/v1/audit/seals?page=${page}&pageSize=20`,
        { signal },
      ),
    retry: noRetryOn4xx,
  });
}

/** A verify run, polled every second while it runs. */
export function useVerification(id: string | null) {
  return useQuery({
    queryKey: ['audit-verification', id],
    queryFn: ({ signal }) => api<VerificationRun>(`/api/v1/audit/verifications/${id}`, { signal }),
    enabled: !!id,
    retry: noRetryOn4xx,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}
