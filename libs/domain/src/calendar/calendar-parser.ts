import { isLocalDate, type LocalDate } from '../time/local-date';
import { describeValue } from '../text/describe-value';
import { unstorableTextProblem } from '../text/storable-text';
import { type CalendarYear, type DayOff, type WorkingSaturday } from './calendar-year';
import { CalendarError } from './calendar-error';
import { workingCalendar } from './working-calendar';

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
const MAX_DAYS = 366;
const YEAR_FIELDS = ['year', 'notice', 'daysOff', 'workingSaturdays', 'notes'];

/**
 * Calendar years from an upload (JSON text: an array of year records, or the parsed array). Every field is checked
 * and named (`[0].daysOff[2].date`) before the years are put together: a record that is not a calendar year is a
 * CalendarError for the administrator, never a crash further on. Unknown fields are refused (a typo would
 * otherwise drop a holiday silently).
 */
export function parseCalendarYears(input: string | readonly unknown[]): CalendarYear[] {
  const items = typeof input === 'string' ? parseJson(input) : input;
  if (items.length === 0) throw invalid('', 'the calendar needs at least one year record.');
  const years = items.map((item, i) => readYear(item, `[${i}]`));
  workingCalendar(years); // duplicates, dates outside their year, swaps on weekdays
  return years;
}

function parseJson(text: string): readonly unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid('', `not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(parsed)) throw invalid('', 'must be a JSON array of year records.');
  return parsed;
}

function readYear(item: unknown, at: string): CalendarYear {
  const record = object(item, at);
  const unknown = Object.keys(record).filter((key) => !YEAR_FIELDS.includes(key));
  if (unknown.length > 0)
    throw invalid(`${at}.${unknown[0]}`, `is not a field of a calendar year (${YEAR_FIELDS.join(', ')}).`);
  const year = record.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw invalid(
      `${at}.year`,
      `must be a whole number from ${FIRST_YEAR} to ${LAST_YEAR} (got ${year === undefined ? 'nothing' : describeValue(year)}).`,
    );
  }
  const notes = record.notes === undefined ? undefined : text(record.notes, `${at}.notes`, 10_000);
  return {
    year,
    notice: text(record.notice, `${at}.notice`, 2_000),
    daysOff: list(record.daysOff, `${at}.daysOff`).map((day, i) => readDayOff(day, `${at}.daysOff[${i}]`, year)),
    workingSaturdays: list(record.workingSaturdays ?? [], `${at}.workingSaturdays`).map((day, i) =>
      readSwap(day, `${at}.workingSaturdays[${i}]`, year),
    ),
    ...(notes !== undefined ? { notes } : {}),
  };
}

function readDayOff(item: unknown, at: string, year: number): DayOff {
  const record = object(item, at);
  return { date: date(record.date, `${at}.date`, year), name: text(record.name, `${at}.name`, 500) };
}

function readSwap(item: unknown, at: string, year: number): WorkingSaturday {
  const record = object(item, at);
  const swap: WorkingSaturday = { date: date(record.date, `${at}.date`, year) };
  if (record.replaces !== undefined) swap.replaces = date(record.replaces, `${at}.replaces`);
  if (record.name !== undefined) swap.name = text(record.name, `${at}.name`, 500);
  return swap;
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(at, 'must be an object.');
  return value as Record<string, unknown>;
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(at, 'must be an array.');
  if (value.length > MAX_DAYS) throw invalid(at, `holds at most ${MAX_DAYS} days.`);
  return value;
}

function text(value: unknown, at: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(at, 'must be a non-empty string.');
  if (value.length > maxLength) throw invalid(at, `must be at most ${maxLength} characters.`);
  const problem = unstorableTextProblem(value);
  if (problem !== undefined) throw invalid(at, problem);
  return value;
}

function date(value: unknown, at: string, year?: number): LocalDate {
  if (!isLocalDate(value))
    throw invalid(at, `must be a date YYYY-MM-DD (got ${value === undefined ? 'nothing' : describeValue(value)}).`);
  if (year !== undefined && Number(value.slice(0, 4)) !== year) throw invalid(at, `${value} is not in ${year}.`);
  return value;
}

function invalid(field: string, problem: string): CalendarError {
  return new CalendarError(
    'calendar_data_invalid',
    field ? `Calendar ${field}: ${problem}` : `Calendar: ${problem}`,
    field,
  );
}
