import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** One change of a dossier as `GET /api/v1/live` sends it (nothing personal). */
export interface LiveDossierEvent {
  dossierId: string;
  code: string;
  type: string;
  streamPosition: number;
  globalPosition: number;
  occurredAt: string;
  recordedAt: string;
  unitIds: string[];
  status: string;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

let lastChange: { event: LiveDossierEvent; at: number } | undefined;

/**
 * The last change heard on the stream, if recent: lists read from the read models send it (`seen=`) so that the
 * server answers once its read models have taken it in — the stream tells of an event as soon as the log has it.
 */
export function recentLiveChange(withinMs = 5000): LiveDossierEvent | undefined {
  return lastChange && Date.now() - lastChange.at < withinMs ? lastChange.event : undefined;
}

/**
 * Keeps the screens current: one server-sent-events stream for the chosen unit; every change of a dossier refreshes
 * the work queue and that dossier's queries. The browser reconnects by itself after a drop and sends Last-Event-ID
 * (the global position of the last event it saw), so the server replays what happened meanwhile.
 * Query keys: ['work-queue', unitId, …], ['dossier', id], ['dossier-history', id].
 */
export function useLiveUpdates(unitId: string): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!unitId) return;
    const source = new EventSource(`/api/v1/live?unitId=${encodeURIComponent(unitId)}`);
    setState('connecting');
    source.addEventListener('ready', () => setState('live'));
    source.addEventListener('open', () => setState('live'));
    source.addEventListener('error', () => setState('reconnecting'));
    source.addEventListener('dossier', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LiveDossierEvent;
      lastChange = { event, at: Date.now() };
      void client.invalidateQueries({ queryKey: ['work-queue'] });
      void client.invalidateQueries({ queryKey: ['dossier', event.dossierId] });
      void client.invalidateQueries({ queryKey: ['dossier-history', event.dossierId] });
      window.dispatchEvent(new CustomEvent<LiveDossierEvent>('dossier-live', { detail: event }));
    });
    return () => source.close();
  }, [unitId, client]);
  return state;
}

export const LIVE_LABELS: Record<LiveState, string> = {
  connecting: 'Đang kết nối…',
  live: 'Cập nhật trực tiếp',
  reconnecting: 'Mất kết nối, đang kết nối lại…',
};
