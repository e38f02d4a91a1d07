import { type WorkingCalendar } from '../calendar';
import {
  addDays,
  isInstant,
  localDateOf,
  VIETNAM_OFFSET_MINUTES,
  type Instant,
  type LocalDate,
} from '../time/local-date';
import {
  checkTimeLimit,
  DEFAULT_DUE_DATE_RULES,
  DeadlineError,
  minutesOf,
  type DueDateRules,
  type TimeLimit,
} from './time-limit';
import { workingMinutesEnd } from './working-hours';

/**
 * The local date a dossier counts as received on (DOMAIN.md § Working days and due dates): the local date
 * of receipt, or the next working day when the receipt is on a non-working day or strictly after the cut-off.
 */
export function effectiveReceiptDate(
  calendar: WorkingCalendar,
  receivedAt: Instant,
  rules: DueDateRules = DEFAULT_DUE_DATE_RULES,
): LocalDate {
  checkInstant(receivedAt);
  const date = localDateOf(receivedAt);
  if (!calendar.isWorkingDay(date)) return calendar.nextWorkingDay(date);
  return isAfterCutoff(receivedAt, rules) ? calendar.nextWorkingDay(date) : date;
}

/**
 * Due date (ngày hẹn trả) of a dossier received at `receivedAt` with a time limit:
 * - working days N: the N-th working day after the effective receipt date (that date not counted);
 *   e.g. received Tue 01/9/2020 09:00, 2 working days → Fri 04/9/2020 (02/9/2020 is a holiday);
 * - calendar days N: effective receipt date + N, moved to the next working day if that is not one;
 * - working hours H: the local date on which H working hours, counted from the receipt instant within the
 *   working sessions of working days, run out;
 * - immediate: no due date (null).
 */
export function dueDateFor(
  calendar: WorkingCalendar,
  receivedAt: Instant,
  limit: TimeLimit,
  rules: DueDateRules = DEFAULT_DUE_DATE_RULES,
): LocalDate | null {
  checkTimeLimit(limit);
  switch (limit.unit) {
    case 'immediate':
      return null;
    case 'working_days':
      return calendar.addWorkingDays(effectiveReceiptDate(calendar, receivedAt, rules), limit.amount);
    case 'calendar_days': {
      const end = addDays(effectiveReceiptDate(calendar, receivedAt, rules), limit.amount);
      return calendar.isWorkingDay(end) ? end : calendar.nextWorkingDay(end);
    }
    case 'working_hours':
      return workingMinutesEnd(calendar, receivedAt, limit.amount * 60, rules);
  }
}

function isAfterCutoff(receivedAt: Instant, rules: DueDateRules): boolean {
  const cutoffMs = minutesOf(rules.cutoff) * 60_000;
  const msOfDay = (Date.parse(receivedAt) + VIETNAM_OFFSET_MINUTES * 60_000) % 86_400_000;
  return (msOfDay + 86_400_000) % 86_400_000 > cutoffMs;
}

function checkInstant(value: Instant): void {
  if (!isInstant(value)) throw new DeadlineError('instant_invalid', `Not an ISO-8601 instant: ${String(value)}`);
}
