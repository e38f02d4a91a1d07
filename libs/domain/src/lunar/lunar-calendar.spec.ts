import fc from 'fast-check';
import { addDays } from '../time/local-date';
import { gioToHungVuong, LunarDateError, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('differs from the Chinese (UTC+8) calendar in %i', (year, vietnam, china) => {
    expect(lunarNewYear(year, 7)).toBe(vietnam);
    expect(lunarNewYear(year, 8)).toBe(china);
  });

  it('agrees with the Chinese calendar on Tết 2020, 2025, 2026', () => {
    for (const year of [2020, 2025, 2026]) expect(lunarNewYear(year, 8)).toBe(lunarNewYear(year, 7));
  });

  it('places Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    expect(gioToHungVuong(2020)).toBe('2020-04-02');
    expect(gioToHungVuong(2021)).toBe('2021-04-21');
    expect(gioToHungVuong(2023)).toBe('2023-04-29'); // after leap month 2 of 2023
    expect(gioToHungVuong(2025)).toBe('2025-04-07');
    expect(gioToHungVuong(2026)).toBe('2026-04-26');
  });

  it('handles leap months (2023 repeats month 2; 2020 repeats month 4)', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 4, 2020, true)).toBe('2020-05-23');
    expect(() => lunarToSolar(1, 5, 2023, true)).toThrow(LunarDateError);
    expect(() => lunarToSolar(1, 5, 2022, true)).toThrow(/no leap month/);
    expect(() => lunarToSolar(31, 1, 2022)).toThrow(LunarDateError);
  });

  it('gives the last day of the year before Tết: 30 Chạp Mậu Tuất (04/02/2019), 29 Chạp Giáp Thìn (28/01/2025)', () => {
    expect(solarToLunar('2019-02-04')).toEqual({ day: 30, month: 12, year: 2018, leap: false });
    expect(solarToLunar('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
  });

  it('finds the month start when the mean lunation is one off (regression: 09/4/2062 is 30/2, not "0/3")', () => {
    expect(solarToLunar('2062-04-09')).toEqual({ day: 30, month: 2, year: 2062, leap: false });
    expect(solarToLunar('2062-04-10')).toEqual({ day: 1, month: 3, year: 2062, leap: false });
  });

  it('round-trips every day 1900–2100 it is given, and consecutive days are consecutive lunar days', () => {
    const start = Date.parse('1900-02-01T00:00:00Z');
    const end = Date.parse('2100-12-31T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.constantFrom(7, 8), (ms, tz) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const lunar = solarToLunar(date, tz);
        expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap, tz)).toBe(date);
        const next = solarToLunar(addDays(date, 1), tz);
        if (next.day !== 1) expect(next).toEqual({ ...lunar, day: lunar.day + 1 });
        else expect(lunar.day === 29 || lunar.day === 30).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
