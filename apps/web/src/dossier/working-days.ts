/**
 * Working days to a due date, computed in the browser from the published calendar (GET /api/v1/reference/calendar)
 * when the work queue cannot say (the dossier is not in a queue the user reads). Same rule as the queue: 0 on the
 * due date, positive before it (the due date counted, today not), negative after it (never 0 once overdue); null
 * when a year between is not covered.
 */
export interface CalendarRecord {
  year: number;
  daysOff: { date: string }[];
  workingSaturdays: { date: string }[];
}

const dayOfWeek = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

const nextDay = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

export function workingDaysLeft(records: readonly CalendarRecord[], today: string, due: string | null): number | null {
  if (!due) return null;
  const years = new Set(records.map((r) => r.year));
  const off = new Set(records.flatMap((r) => r.daysOff.map((d) => d.date)));
  const worked = new Set(records.flatMap((r) => r.workingSaturdays.map((d) => d.date)));
  const working = (date: string): boolean | null => {
    if (!years.has(Number(date.slice(0, 4)))) return null;
    if (worked.has(date)) return true;
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6 && !off.has(date);
  };
  const [from, to, sign] = due >= today ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) {
    const answer = working(day);
    if (answer === null) return null;
    if (answer) count += 1;
  }
  return sign > 0 ? count : Math.min(-count, -1);
}
