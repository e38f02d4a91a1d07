import { type WorkingCalendar } from '../calendar';
import { addDays, isInstant, localDateOf, localMinuteOfDay, type Instant, type LocalDate } from '../time/local-date';
import { DEFAULT_WORKING_SESSIONS, DeadlineError, minutesOf, type DueDateRules } from './time-limit';

/** Working sessions as minutes of the day, checked: non-empty, ordered, non-overlapping. */
interface Session {
  from: number;
  to: number;
}

function sessionsOf(rules: DueDateRules | undefined): Session[] {
  const sessions = (rules?.workingSessions ?? DEFAULT_WORKING_SESSIONS).map((s) => ({
    from: minutesOf(s.from),
    to: minutesOf(s.to),
  }));
  if (
    sessions.length === 0 ||
    sessions.some((s, i) => s.to <= s.from || (i > 0 && s.from < (sessions[i - 1]?.to ?? 0)))
  ) {
    throw new DeadlineError('rules_invalid', 'Working sessions must be non-empty, ordered and non-overlapping.');
  }
  return sessions;
}

function checkInstant(value: Instant): void {
  if (!isInstant(value)) throw new DeadlineError('instant_invalid', `Not an ISO-8601 instant: ${String(value)}`);
}

/**
 * The local date on which `minutes` working minutes, counted from `start` within the working sessions of working
 * days, run out (an end exactly at a session's close belongs to that day). Instants count to the minute.
 */
export function workingMinutesEnd(
  calendar: WorkingCalendar,
  start: Instant,
  minutes: number,
  rules?: DueDateRules,
): LocalDate {
  checkInstant(start);
  const sessions = sessionsOf(rules);
  let remaining = Math.round(minutes);
  let day = localDateOf(start);
  let minute = localMinuteOfDay(start);
  if (!calendar.isWorkingDay(day)) {
    day = calendar.nextWorkingDay(day);
    minute = 0;
  }
  for (;;) {
    for (const session of sessions) {
      const from = Math.max(minute, session.from);
      if (from >= session.to) continue;
      const available = session.to - from;
      if (remaining <= available) return day;
      remaining -= available;
      minute = session.to;
    }
    day = calendar.nextWorkingDay(day);
    minute = 0;
  }
}

/**
 * Working minutes between two instants: the minutes of working sessions of working days in [a, b), to the
 * minute; negative when b is before a. What an hour-based time limit spends between them.
 */
export function workingMinutesBetween(calendar: WorkingCalendar, a: Instant, b: Instant, rules?: DueDateRules): number {
  checkInstant(a);
  checkInstant(b);
  if (Date.parse(b) < Date.parse(a)) return -workingMinutesBetween(calendar, b, a, rules);
  const sessions = sessionsOf(rules);
  const lastDay = localDateOf(b);
  let total = 0;
  for (let day = localDateOf(a); day <= lastDay; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const from = day === localDateOf(a) ? localMinuteOfDay(a) : 0;
    const to = day === lastDay ? localMinuteOfDay(b) : 24 * 60;
    for (const session of sessions) total += Math.max(0, Math.min(to, session.to) - Math.max(from, session.from));
  }
  return total;
}
