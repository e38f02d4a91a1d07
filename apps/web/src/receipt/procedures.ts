import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { todayLocal } from '../lib/time';

export interface TimeLimit {
  unit: 'working_days' | 'calendar_days' | 'working_hours' | 'immediate';
  amount?: number;
}

export interface ProcedureRecord {
  code: string;
  name: string;
  level?: string;
  field?: string;
  timeLimit: TimeLimit;
}

/** GET /api/v1/reference/procedures/{code}/due-date */
export interface DueDatePreview {
  procedureCode: string;
  procedureName: string;
  timeLimit: TimeLimit;
  receivedAt: string;
  dueDate: string | null;
  dueDateText: string;
}

/** The procedures the unit receives today (its level, in force today). */
export function useProceduresAt(unitId: string) {
  const at = todayLocal();
  return useQuery({
    queryKey: ['reference', 'procedures', unitId, at],
    queryFn: () =>
      api<{ records: ProcedureRecord[] }>(
        `/api/v1/reference/procedures?unitId=${encodeURIComponent(unitId)}&at=${at}`,
      ).then((r) => r.records),
    enabled: unitId !== '',
    staleTime: 5 * 60_000,
  });
}

/** The due date a receipt now would be given (refreshed each minute: a receipt after hours may count from tomorrow). */
export function useDueDatePreview(unitId: string, procedureCode: string | null) {
  return useQuery({
    queryKey: ['due-date-preview', unitId, procedureCode],
    queryFn: () =>
      api<DueDatePreview>(
        `/api/v1/reference/procedures/${encodeURIComponent(procedureCode ?? '')}/due-date?unitId=${encodeURIComponent(unitId)}`,
      ),
    enabled: unitId !== '' && !!procedureCode,
    refetchInterval: 60_000,
    retry: false,
  });
}

/** "3 ngày làm việc", "15 ngày", "8 giờ làm việc", "Trả kết quả ngay". */
export function timeLimitText(limit: TimeLimit | undefined): string {
  if (!limit) return '—';
  switch (limit.unit) {
    case 'working_days':
      return `${limit.amount} ngày làm việc`;
    case 'calendar_days':
      return `${limit.amount} ngày`;
    case 'working_hours':
      return `${limit.amount} giờ làm việc`;
    case 'immediate':
      return 'Trả kết quả ngay';
  }
}
