import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { DossierView } from '../api/types';
import { todayLocal } from '../lib/time';
import type { WorkQueueAnswer } from '../queue/types';
import { type CalendarRecord, workingDaysLeft } from './working-days';

const OPEN = ['in_progress', 'awaiting_supplement', 'awaiting_financial_obligation'];

export interface DaysLeft {
  days: number | null;
  /** Where the figure comes from: the work queue's count, or the calendar in this browser. */
  source: 'queue' | 'calendar';
}

/**
 * "còn N ngày làm việc" of an open dossier: the work queue's workingDaysLeft when the dossier is in a queue the user
 * reads (its current unit, the tab of its status), else counted here from the published working-day calendar.
 * Undefined while unknown or for a closed dossier.
 */
export function useDaysLeft(dossier: DossierView | undefined): DaysLeft | undefined {
  const open = !!dossier && OPEN.includes(dossier.status) && dossier.dueDate !== null;
  const fromQueue = useQuery({
    queryKey: ['work-queue', dossier?.currentUnitId, 'dossier', dossier?.code, dossier?.status],
    queryFn: ({ signal }) => {
      const d = dossier as DossierView;
      const query = new URLSearchParams({ unitId: d.currentUnitId, tab: d.status, q: d.code, limit: '5' });
      return api<WorkQueueAnswer>(`/api/v1/work-queue?${query}`, { signal }).then(
        (answer) => answer.items.find((item) => item.id === d.id) ?? null,
      );
    },
    enabled: open,
    retry: false,
  });
  const needCalendar = open && (fromQueue.isError || (fromQueue.isSuccess && fromQueue.data === null));
  const calendar = useQuery({
    queryKey: ['reference', 'calendar', 'records'],
    queryFn: () => api<{ records: CalendarRecord[] }>('/api/v1/reference/calendar').then((r) => r.records),
    enabled: needCalendar,
    staleTime: 5 * 60_000,
  });
  if (!open) return undefined;
  if (fromQueue.data) return { days: fromQueue.data.workingDaysLeft, source: 'queue' };
  if (needCalendar && calendar.data)
    return { days: workingDaysLeft(calendar.data, todayLocal(), dossier.dueDate), source: 'calendar' };
  return undefined;
}
