import { CalendarError, type LocalDate, type WorkingCalendar, addDays, localDateOf } from '@app/domain';
import type { QueueDays } from './queue-tabs';

/** "Due soon" reaches this many working days after today. */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * Today (local date in Asia/Ho_Chi_Minh) and the last day of "due soon": the 2nd working day after today by the
 * working-day calendar in force. A year the calendar does not cover yet (late December, before the next year's record
 * is published) is not guessed: "due soon" then stops at the last day the calendar knows.
 */
export function queueDays(calendar: WorkingCalendar, now: Date): QueueDays {
  const today = localDateOf(now);
  let soonUntil = today;
  for (let i = 0; i < DUE_SOON_WORKING_DAYS; i++) {
    const next = covered(() => calendar.nextWorkingDay(soonUntil));
    if (next === undefined) break;
    soonUntil = next;
  }
  return { today, soonUntil };
}

/**
 * Working days from today to the due date: 0 on the due date, positive before it (the due date counted, today not),
 * negative after it: minus the working days since (−1 on the first working day late, and on a weekend right after the
 * due date — overdue is never 0). Null without a due date, or when the calendar does not cover the days between.
 */
export function workingDaysLeft(calendar: WorkingCalendar, today: LocalDate, due: LocalDate | null): number | null {
  if (due === null) return null;
  const left = covered(() => calendar.workingDaysBetween(today, due));
  if (left === undefined) return null;
  return due < today ? Math.min(left, -1) : left;
}

/** The calendar's answer, or undefined for a year it has no record of. */
function covered<T>(ask: () => T): T | undefined {
  try {
    return ask();
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'calendar_year_not_covered') return undefined;
    throw error;
  }
}

/**
 * workingDaysLeft for many due dates at once: the working days of the span from the earliest to the latest date are
 * counted once (cumulatively), so each dossier costs a subtraction — a page of dossiers years overdue would otherwise
 * walk the calendar day by day for each one.
 */
export function workingDaysLeftOf(
  calendar: WorkingCalendar,
  today: LocalDate,
  dues: readonly (LocalDate | null)[],
): (number | null)[] {
  const dated = dues.filter((d): d is LocalDate => d !== null);
  if (dated.length === 0) return dues.map(() => null);
  const from = dated.reduce((a, b) => (b < a ? b : a), today);
  const to = dated.reduce((a, b) => (b > a ? b : a), today);
  // working[d] and unknown[d]: working days and uncovered days in (from, d]
  const working = new Map<LocalDate, number>([[from, 0]]);
  const unknown = new Map<LocalDate, number>([[from, 0]]);
  let w = 0;
  let u = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    const works = covered(() => calendar.isWorkingDay(day));
    if (works === undefined) u++;
    else if (works) w++;
    working.set(day, w);
    unknown.set(day, u);
  }
  return dues.map((due) => {
    if (due === null) return null;
    const [a, b] = due < today ? [due, today] : [today, due];
    if ((unknown.get(b) ?? 0) - (unknown.get(a) ?? 0) > 0) return null;
    const between = (working.get(b) ?? 0) - (working.get(a) ?? 0);
    return due < today ? Math.min(-between, -1) : between;
  });
}
