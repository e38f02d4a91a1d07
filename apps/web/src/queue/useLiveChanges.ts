import { useEffect, useRef, useState } from 'react';
import type { LiveDossierEvent } from '../api/live';

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
  useEffect(() => {
    let flush: number | undefined;
    const onLive = (event: Event) => {
      const detail = (event as CustomEvent<LiveDossierEvent>).detail;
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
      timers.current.splice(0).forEach((t) => window.clearTimeout(t));
    };
  }, []);
  return { changed, announcement };
}
