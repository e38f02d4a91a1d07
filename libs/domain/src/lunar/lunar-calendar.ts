import { isLocalDate, type LocalDate } from '../time/local-date';
import { LUNATION_ORIGIN_JD, newMoonJulianDate, SYNODIC_MONTH, sunLongitude } from './astronomy';
import { julianDayNumber, julianDayOf, localDateOfJulianDay } from './julian-day';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for a time zone given in hours east
 * of Greenwich: 7 for Vietnam (since 1968), 8 for China. Rules: a month starts on the local day of a new
 * moon; month 11 contains the winter solstice; a year of 13 months between two months 11 repeats the first
 * month that contains no major solar term (trung khí) as a leap month.
 */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export const VIETNAM_TIME_ZONE = 7;

export class LunarDateError extends Error {
  override readonly name = 'LunarDateError';
}

/** The local day (JDN) on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + tz / 24);
}

/** Index 0..11 of the 30° sector the sun is in at the start of local day `jdn`. */
function solarSector(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** First day (JDN) of lunar month 11 of the lunar year mostly in Gregorian `year`. */
function month11Start(year: number, tz: number): number {
  const k = Math.floor((julianDayNumber(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  return solarSector(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

/** Offset (months after month 11 starting at `a11`) of the leap month in a 13-month year. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - LUNATION_ORIGIN_JD) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(date: LocalDate, tz: number = VIETNAM_TIME_ZONE): LunarDate {
  if (!isLocalDate(date)) throw new LunarDateError(`Not a local date (YYYY-MM-DD): ${String(date)}`);
  const year = Number(date.slice(0, 4));
  const jdn = julianDayOf(date);
  // The mean lunation is only an estimate of the new moon that starts the month: settle on the last new-moon
  // day on or before `jdn` (the estimate can be one lunation off near a new moon).
  let k = Math.floor((jdn - LUNATION_ORIGIN_JD) / SYNODIC_MONTH);
  while (newMoonDay(k + 1, tz) <= jdn) k++;
  while (newMoonDay(k, tz) > jdn) k--;
  const monthStart = newMoonDay(k, tz);
  let a11 = month11Start(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11Start(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = month11Start(year + 1, tz);
  }
  const day = jdn - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

export function lunarToSolar(
  day: number,
  month: number,
  year: number,
  leap = false,
  tz: number = VIETNAM_TIME_ZONE,
): LocalDate {
  if (![day, month, year].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new LunarDateError(`Not a lunar date: ${day}/${month}${leap ? ' (leap)' : ''}/${year}`);
  }
  const [a11, b11] =
    month < 11
      ? [month11Start(year - 1, tz), month11Start(year, tz)]
      : [month11Start(year, tz), month11Start(year + 1, tz)];
  const k = Math.floor(0.5 + (a11 - LUNATION_ORIGIN_JD) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, tz);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new LunarDateError(`Lunar year ${year} has no leap month ${month}.`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new LunarDateError(`Lunar year ${year} has no leap month.`);
  }
  const monthStart = newMoonDay(k + offset, tz);
  const length = newMoonDay(k + offset + 1, tz) - monthStart;
  if (day > length)
    throw new LunarDateError(`Lunar month ${month}${leap ? ' (leap)' : ''}/${year} has ${length} days, not ${day}.`);
  return localDateOfJulianDay(monthStart + day - 1);
}

/** Tết Nguyên đán: 1/1 of lunar `year` (Vietnam by default). */
export function lunarNewYear(year: number, tz: number = VIETNAM_TIME_ZONE): LocalDate {
  return lunarToSolar(1, 1, year, false, tz);
}

/** Giỗ Tổ Hùng Vương: 10/3 of lunar `year` (the regular month 3 when month 3 is repeated). */
export function gioToHungVuong(year: number, tz: number = VIETNAM_TIME_ZONE): LocalDate {
  return lunarToSolar(10, 3, year, false, tz);
}
