/** Links from a chart to the work queue with the same filter (the queue's URL: queue/filters.ts, `unit` chooses the unit). */
export function queueLink(unitId: string, tab: string, filters: Record<string, string> = {}): string {
  return `/?${new URLSearchParams({ unit: unitId, tab, ...filters }).toString()}`;
}

/** The last day of a bar: the day itself, or the Sunday of a week starting on `date`. */
export function barEnd(date: string, interval: 'day' | 'week'): string {
  if (interval === 'day') return date;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** "06/10" — a short date for an axis. */
export const shortDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
