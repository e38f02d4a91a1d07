import { useEffect, useMemo } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { useUnits } from '../app/unit';
import type { Unit } from '../api/types';
import { todayLocal } from '../lib/time';
import { type Period, overlaps } from './period';
import type { DashboardAnswer, FiguresReport, FilingSummary } from './types';
import { type ReportView, dashboardScope, figuresScope, scopeComplete } from './view';

/** Query keys of the report pages: a live change of any dossier refreshes them while the period is running. */
export const REPORT_KEYS = { figures: 'report-figures', text: 'report-text', dashboard: 'dashboard' } as const;

/** The units in force at some time in the period (the 2020 centres for 2020, the city's for 2026). */
export function useUnitsInPeriod(period: Period | null): Unit[] {
  const units = useUnits().data ?? [];
  return useMemo(
    () => (period ? units.filter((u) => overlaps(u.validFrom, u.validTo, period)) : []),
    [units, period?.from, period?.to],
  );
}

/** Levels of the units in force on the last day (what "the province" sums for the figures API). */
export const levelsOf = (units: Unit[], period: Period): string[] => {
  const atEnd = units.filter((u) => overlaps(u.validFrom, u.validTo, { from: period.to, to: period.to }));
  return [...new Set(atEnd.map((u) => u.level).filter((l): l is string => !!l))];
};

/** Whether the period is still running: its figures move with new events. */
export const isRunning = (period: Period | null): boolean => !!period && period.to >= todayLocal();

export function figuresQuery(view: ReportView, period: Period, units: Unit[], extra: Record<string, string> = {}) {
  return new URLSearchParams({
    from: period.from,
    to: period.to,
    ...figuresScope(view, levelsOf(units, period)),
    groupBy: view.groupBy,
    ...extra,
  }).toString();
}

export function useFigures(view: ReportView, period: Period | null, asKnownAt?: string) {
  const units = useUnitsInPeriod(period);
  const ready = !!period && scopeComplete(view) && units.length > 0 && asKnownAt !== '';
  const query = ready ? figuresQuery(view, period, units, asKnownAt ? { asKnownAt } : {}) : '';
  return useQuery({
    queryKey: [REPORT_KEYS.figures, query],
    queryFn: ({ signal }) => api<FiguresReport>(`/api/v1/reports/dossier-figures?${query}`, { signal }),
    enabled: ready,
    staleTime: asKnownAt ? Infinity : 0,
    refetchInterval: !asKnownAt && isRunning(period) ? 15_000 : false,
    // figures as known at another instant are never shown in place of others while they load
    placeholderData: asKnownAt ? undefined : keepPreviousData,
  });
}

/** The Vietnamese paragraphs (format=text): plain text, not JSON. */
export function useFiguresText(view: ReportView, period: Period | null) {
  const units = useUnitsInPeriod(period);
  const ready = !!period && scopeComplete(view) && units.length > 0;
  const query = ready ? figuresQuery(view, period, units, { format: 'text' }) : '';
  return useQuery({
    queryKey: [REPORT_KEYS.text, query],
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/v1/reports/dossier-figures?${query}`, {
        credentials: 'same-origin',
        signal,
        headers: { Accept: 'text/plain' },
      });
      if (!response.ok) throw new Error('Không tải được đoạn báo cáo.');
      return response.text();
    },
    enabled: ready,
    refetchInterval: isRunning(period) ? 15_000 : false,
    placeholderData: keepPreviousData,
  });
}

export function dashboardQuery(view: ReportView, period: Period, units: Unit[]): string {
  const inForce = units.map((u) => u.id);
  return new URLSearchParams({
    from: period.from,
    to: period.to,
    ...dashboardScope(view, inForce),
    interval: view.interval,
  }).toString();
}

export function useDashboard(view: ReportView, period: Period | null) {
  const units = useUnitsInPeriod(period);
  const ready = !!period && scopeComplete(view) && units.length > 0;
  const query = ready ? dashboardQuery(view, period, units) : '';
  return useQuery({
    queryKey: [REPORT_KEYS.dashboard, query],
    queryFn: ({ signal }) => api<DashboardAnswer>(`/api/v1/reports/dashboard?${query}`, { signal }),
    enabled: ready,
    refetchInterval: isRunning(period) ? 10_000 : false,
    placeholderData: keepPreviousData,
  });
}

export function useFilings() {
  return useQuery({
    queryKey: ['report-filings'],
    queryFn: () => api<{ filings: FilingSummary[] }>('/api/v1/reports/filings').then((r) => r.filings),
    retry: false,
    staleTime: 60_000,
  });
}

/**
 * Live figures: while the period runs, the pages listen to the live stream of every unit the user may see
 * (`GET /api/v1/live` without unitId — the header's stream follows only the chosen unit) and refresh their queries on
 * each change: at once, and again after the read models have had time to take it in (they follow the log). The
 * queries also poll, should the stream drop.
 */
export function useLiveFigures(period: Period | null): void {
  const client = useQueryClient();
  const running = isRunning(period);
  useEffect(() => {
    if (!running) return;
    const timers = new Set<number>();
    const refresh = () => {
      for (const key of Object.values(REPORT_KEYS)) void client.invalidateQueries({ queryKey: [key] });
    };
    const later = (ms: number) => {
      const t = window.setTimeout(() => {
        timers.delete(t);
        refresh();
      }, ms);
      timers.add(t);
    };
    let pending = false;
    const onChange = () => {
      if (pending) return;
      pending = true;
      window.setTimeout(() => (pending = false), 400);
      later(150);
      later(1200);
    };
    const source = new EventSource('/api/v1/live');
    source.addEventListener('dossier', onChange);
    return () => {
      source.close();
      timers.forEach((t) => window.clearTimeout(t));
    };
  }, [running, client]);
}
