import { addDays, dayOfWeek, isLocalDate, type LocalDate } from '../time/local-date';
import { type CalendarYear } from './calendar-year';
import { CalendarError } from './calendar-error';

/** Working days of state agencies: Monday–Friday, minus days off, plus worked weekend days. */
export interface WorkingCalendar {
  readonly version: string;
  isWorkingDay(date: LocalDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate;
  /** The n-th working day strictly after `date` (n = 0 gives `date` itself). */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /** Number of working days in (a, b]; negative when b is before a. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
}

/**
 * Builds a calendar from published year records. Asking about a date in a year without a record throws
 * `calendar_year_not_covered`: a due date must only ever read published data.
 */
export function workingCalendar(years: readonly CalendarYear[], prefix = 'vn-calendar'): WorkingCalendar {
  if (years.length === 0)
    throw new CalendarError('calendar_data_invalid', 'A working calendar needs at least one year record.');
  const covered = new Set<number>();
  const off = new Set<LocalDate>();
  const worked = new Set<LocalDate>();
  for (const record of years) {
    if (covered.has(record.year))
      throw new CalendarError('calendar_data_invalid', `Calendar year ${record.year} is given twice.`);
    covered.add(record.year);
    for (const day of record.daysOff) {
      checkInYear(day.date, record.year, 'day off');
      off.add(day.date);
    }
    for (const day of record.workingSaturdays) {
      checkInYear(day.date, record.year, 'working weekend day');
      if (!isWeekend(day.date)) {
        throw new CalendarError(
          'calendar_data_invalid',
          `Working Saturday ${day.date} (${record.year}) is not a weekend day.`,
        );
      }
      if (off.has(day.date))
        throw new CalendarError('calendar_data_invalid', `${day.date} is both a day off and a working day.`);
      worked.add(day.date);
    }
  }
  const sortedYears = [...covered].sort((a, b) => a - b);
  const version = `${prefix}@${yearRanges(sortedYears)}`;

  // Every due date walks day by day: each date's answer is kept (a few thousand at most, the years covered).
  const answers = new Map<LocalDate, boolean>();
  const isWorkingDay = (date: LocalDate): boolean => {
    const known = answers.get(date);
    if (known !== undefined) return known;
    const answer = workingDayAnswer(date);
    answers.set(date, answer);
    return answer;
  };

  const workingDayAnswer = (date: LocalDate): boolean => {
    checkDate(date);
    const year = Number(date.slice(0, 4));
    if (!covered.has(year)) {
      throw new CalendarError(
        'calendar_year_not_covered',
        `No published working-day calendar for ${year} (date ${date}); ${version} covers ${yearRanges(sortedYears)}. Add the year's official record first.`,
      );
    }
    if (worked.has(date)) return true;
    if (off.has(date)) return false;
    return !isWeekend(date);
  };

  const nextWorkingDay = (date: LocalDate): LocalDate => {
    let day = addDays(date, 1);
    while (!isWorkingDay(day)) day = addDays(day, 1);
    return day;
  };

  const addWorkingDays = (date: LocalDate, n: number): LocalDate => {
    if (!Number.isInteger(n) || n < 0) {
      throw new CalendarError(
        'calendar_argument_invalid',
        `A number of working days must be a whole number ≥ 0 (got ${n}).`,
      );
    }
    checkDate(date);
    let day = date;
    for (let i = 0; i < n; i++) day = nextWorkingDay(day);
    return day;
  };

  const workingDaysBetween = (a: LocalDate, b: LocalDate): number => {
    checkDate(a);
    checkDate(b);
    if (b < a) return -workingDaysBetween(b, a);
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
    return count;
  };

  return { version, isWorkingDay, nextWorkingDay, addWorkingDays, workingDaysBetween };
}

function isWeekend(date: LocalDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

function checkDate(date: LocalDate): void {
  if (!isLocalDate(date))
    throw new CalendarError('calendar_argument_invalid', `Not a local date (YYYY-MM-DD): ${String(date)}`);
}

function checkInYear(date: LocalDate, year: number, what: string): void {
  if (!isLocalDate(date) || Number(date.slice(0, 4)) !== year) {
    throw new CalendarError(
      'calendar_data_invalid',
      `The ${what} ${String(date)} does not belong to calendar year ${year}.`,
    );
  }
}

/** [2019, 2020, 2021, 2024] → '2019-2021,2024'. */
function yearRanges(years: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  for (const year of [...years, Number.NaN]) {
    if (start !== undefined && previous !== undefined && year === previous + 1) {
      previous = year;
      continue;
    }
    if (start !== undefined && previous !== undefined)
      parts.push(start === previous ? `${start}` : `${start}-${previous}`);
    start = year;
    previous = year;
  }
  return parts.join(',');
}
