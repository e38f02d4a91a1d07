import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LiveDossierEvent } from '../api/live';

/**
 * The live stream tells of an event as soon as the log has it; the queue's read model is written by the projector a
 * moment later (it batches for ~50 ms). api/live.ts refreshes the queue at once; it is asked again after these delays
 * so that a change the read model did not have yet shows within a second.
 */
const REFRESH_AFTER_MS = [250, 700];

/** How long a changed row stays highlighted. */
export const HIGHLIGHT_MS = 4000;
/** Announcements are gathered this long, then said once (no flood when many dossiers change together). */
const ANNOUNCE_EVERY_MS = 2000;

const EVENT_WORDS: Record<string, string> = {
  DossierReceived: 'vừa được tiếp nhận',
  DossierTransferred: 'vừa được chuyển xử lý',
  SupplementRequested: 'vừa được yêu cầu bổ sung',
  SupplementReceived: 'vừa được bổ sung',
  FinancialObligationRequested: 'vừa có thông báo nghĩa vụ tài chính',
  FinancialObligationFulfilled: 'vừa hoàn thành nghĩa vụ tài chính',
  DueDateRescheduled: 'vừa được hẹn lại ngày trả',
  ResultRecorded: 'vừa có kết quả',
  ResultReturned: 'vừa được trả kết quả',
  DossierWithdrawn: 'vừa được rút',
  ProcessingStopped: 'vừa bị dừng xử lý',
  EntryCorrected: 'vừa được điều chỉnh',
};

/**
 * The dossiers that changed in the last few seconds (from the 'dossier-live' events api/live.ts dispatches), for a
 * brief highlight, and one polite sentence for screen readers per couple of seconds at most.
 */
export function useLiveChanges(): { changed: ReadonlySet<string>; announcement: string } {
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<LiveDossierEvent[]>([]);
  const timers = useRef<number[]>([]);
  const client = useQueryClient();
  useEffect(() => {
    let flush: number | undefined;
    const refreshes = new Map<number, number>();
    const onLive = (event: Event) => {
      const detail = (event as CustomEvent<LiveDossierEvent>).detail;
      for (const delay of REFRESH_AFTER_MS)
        if (!refreshes.has(delay))
          refreshes.set(
            delay,
            window.setTimeout(() => {
              refreshes.delete(delay);
              // a page still loading is not cancelled (under load a restart would only delay it)
              void client.invalidateQueries({ queryKey: ['work-queue'] }, { cancelRefetch: false });
            }, delay),
          );
      setChanged((now) => new Set(now).add(detail.dossierId));
      timers.current.push(
        window.setTimeout(() => {
          setChanged((now) => {
            const next = new Set(now);
            next.delete(detail.dossierId);
            return next;
          });
        }, HIGHLIGHT_MS),
      );
      pending.current.push(detail);
      flush ??= window.setTimeout(() => {
        flush = undefined;
        const events = pending.current.splice(0);
        const codes = [...new Set(events.map((e) => e.code))];
        if (codes.length === 1) {
          const last = events[events.length - 1]!;
          setAnnouncement(`Hồ sơ ${last.code} ${EVENT_WORDS[last.type] ?? 'vừa được cập nhật'}.`);
        } else setAnnouncement(`${codes.length} hồ sơ vừa được cập nhật.`);
      }, ANNOUNCE_EVERY_MS);
    };
    window.addEventListener('dossier-live', onLive);
    return () => {
      window.removeEventListener('dossier-live', onLive);
      if (flush !== undefined) window.clearTimeout(flush);
      refreshes.forEach((t) => window.clearTimeout(t));
      timers.current.splice(0).forEach((t) => window.clearTimeout(t));
    };
  }, [client]);
  return { changed, announcement };
}
