/**
 * Time in the domain: instants are ISO-8601 strings in UTC (`2020-09-01T02:00:00.000Z`); local dates are
 * `YYYY-MM-DD` strings in Asia/Ho_Chi_Minh (UTC+7, no daylight saving since 1975), whatever the process zone.
 */
export type Instant = string;
export type LocalDate = string;

export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function isInstant(value: unknown): value is Instant {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** Normalises any ISO instant to the canonical UTC form with milliseconds. */
export function toInstant(value: Date | string | number): Instant {
  return new Date(value).toISOString();
}

/** The local (Vietnam) calendar date of an instant. */
export function localDateOf(instant: Instant | Date): LocalDate {
  const ms = new Date(instant).getTime() + VIETNAM_OFFSET_MINUTES * 60_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Minutes since local midnight (Vietnam) of an instant. */
export function localMinuteOfDay(instant: Instant | Date): number {
  const ms = new Date(instant).getTime() + VIETNAM_OFFSET_MINUTES * 60_000;
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/** The instant at which a local date + local time (`HH:MM`) occurs in Vietnam. */
export function instantAt(date: LocalDate, time = '00:00'): Instant {
  const [h, m] = time.split(':').map(Number);
  const ms = Date.parse(`${date}T00:00:00.000Z`) + ((h ?? 0) * 60 + (m ?? 0) - VIETNAM_OFFSET_MINUTES) * 60_000;
  return new Date(ms).toISOString();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00.000Z`) - Date.parse(`${a}T00:00:00.000Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
