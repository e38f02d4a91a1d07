import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { recentLiveChange } from '../api/live';
import { type QueueView, queueQuery } from './filters';
import type { WorkQueueAnswer } from './types';

/**
 * The unit's queue for a view, page after page ("Xem thêm" asks for the next cursor). The key starts with
 * 'work-queue' and the unit: a live change anywhere refreshes it (api/live.ts), asked with `seen=` so that the answer
 * already holds that change.
 */
export function useWorkQueue(unitId: string, view: QueueView) {
  return useInfiniteQuery({
    queryKey: ['work-queue', unitId, view],
    queryFn: ({ pageParam, signal }) => {
      const seen = recentLiveChange();
      const wait = seen ? `&seen=${seen.dossierId}:${seen.globalPosition}` : '';
      return api<WorkQueueAnswer>(`/api/v1/work-queue?${queueQuery(unitId, view, pageParam)}${wait}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: unitId !== '',
    placeholderData: keepPreviousData,
    retry: (count, error) => count < 1 && !('status' in error && (error.status as number) < 500),
  });
}
