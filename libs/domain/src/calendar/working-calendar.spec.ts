import { CalendarError } from './calendar-error';
import { type CalendarYear } from './calendar-year';
import { defaultWorkingCalendar } from './default-calendar';
import { workingCalendar } from './working-calendar';
import { VIETNAM_CALENDAR_YEARS } from './years';

const year = (y: number, extra: Partial<CalendarYear> = {}): CalendarYear => ({
  year: y,
  notice: `test ${y}`,
  daysOff: [],
  workingSaturdays: [],
  ...extra,
});

describe('workingCalendar', () => {
  const cal = workingCalendar([
    year(2030, {
      daysOff: [{ date: '2030-01-01', name: 'Tết Dương lịch' }],
      workingSaturdays: [{ date: '2030-01-05', name: 'swap' }],
    }),
  ]);

  it('is Monday–Friday minus days off plus worked Saturdays', () => {
    expect(cal.isWorkingDay('2030-01-01')).toBe(false); // Tuesday, holiday
    expect(cal.isWorkingDay('2030-01-02')).toBe(true);
    expect(cal.isWorkingDay('2030-01-05')).toBe(true); // worked Saturday
    expect(cal.isWorkingDay('2030-01-06')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2030-01-12')).toBe(false); // ordinary Saturday
  });

  it('counts strictly after the start date', () => {
    expect(cal.nextWorkingDay('2030-01-01')).toBe('2030-01-02');
    expect(cal.addWorkingDays('2030-01-02', 0)).toBe('2030-01-02');
    expect(cal.addWorkingDays('2030-01-02', 3)).toBe('2030-01-05');
    expect(cal.workingDaysBetween('2030-01-01', '2030-01-07')).toBe(5); // 2, 3, 4, 5 (Sat), 7
  });

  it('refuses dates outside the published years', () => {
    expect(() => cal.isWorkingDay('2031-01-02')).toThrow(CalendarError);
    expect(() => cal.isWorkingDay('2031-01-02')).toThrow(/No published working-day calendar for 2031/);
    expect(() => cal.addWorkingDays('2030-12-31', 1)).toThrow(/2031/);
    expect(() => cal.addWorkingDays('2030-01-02', -1)).toThrow(/whole number/);
  });

  it('rejects inconsistent data', () => {
    expect(() => workingCalendar([])).toThrow(CalendarError);
    expect(() => workingCalendar([year(2030), year(2030)])).toThrow(/twice/);
    expect(() => workingCalendar([year(2030, { daysOff: [{ date: '2031-01-01', name: 'x' }] })])).toThrow(
      /does not belong/,
    );
    expect(() => workingCalendar([year(2030, { workingSaturdays: [{ date: '2030-01-07' }] })])).toThrow(
      /not a weekend/,
    );
  });

  it('derives its version from the years', () => {
    expect(cal.version).toBe('vn-calendar@2030');
    expect(workingCalendar([year(2019), year(2020), year(2021), year(2024)]).version).toBe(
      'vn-calendar@2019-2021,2024',
    );
    expect(defaultWorkingCalendar().version).toBe('vn-calendar@2019-2026');
  });
});

describe('the shipped Vietnamese calendar 2019–2026', () => {
  const cal = defaultWorkingCalendar();

  it('builds from one record per year, each citing its notice', () => {
    expect(VIETNAM_CALENDAR_YEARS.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const record of VIETNAM_CALENDAR_YEARS) expect(record.notice.length).toBeGreaterThan(10);
  });

  it('has a one-day National Day in 2020 (Labour Code 2012) and two days from 2021', () => {
    expect(cal.isWorkingDay('2020-09-02')).toBe(false);
    expect(cal.isWorkingDay('2020-09-03')).toBe(true);
    expect(cal.isWorkingDay('2021-09-02')).toBe(false);
    expect(cal.isWorkingDay('2021-09-03')).toBe(false);
    for (const y of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const qk =
        VIETNAM_CALENDAR_YEARS.find((r) => r.year === y)?.daysOff.filter((d) => d.name.startsWith('Quốc khánh')) ?? [];
      expect(qk.length).toBe(2);
    }
  });

  it('has Tết 2020 off 23/1–29/1 and Tết 2021 off 10/2–16/2', () => {
    for (const d of ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'])
      expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2020-01-22')).toBe(true);
    expect(cal.isWorkingDay('2020-01-30')).toBe(true);
    for (const d of ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'])
      expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2021-02-09')).toBe(true);
    expect(cal.isWorkingDay('2021-02-17')).toBe(true);
  });

  it('has New Year, 30/4, 1/5 and National Day in every year, and five Tết weekdays or compensations', () => {
    for (const record of VIETNAM_CALENDAR_YEARS) {
      const dates = record.daysOff.map((d) => d.date);
      for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(dates).toContain(`${record.year}-${md}`);
      expect(
        record.daysOff.filter((d) => d.name.includes('Tết Âm lịch') && cal.isWorkingDay(d.date) === false).length,
      ).toBeGreaterThanOrEqual(5);
      expect(record.daysOff.some((d) => d.name.startsWith('Giỗ Tổ'))).toBe(true);
    }
  });

  it('applies swaps: worked Saturdays and bridge days', () => {
    expect(cal.isWorkingDay('2019-01-05')).toBe(true);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(cal.isWorkingDay('2024-04-29')).toBe(false);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
  });

  it('gives compensatory days for holidays on weekends (Labour Code 2019 Art. 111(3))', () => {
    expect(cal.isWorkingDay('2021-05-03')).toBe(false); // 1/5/2021 Saturday
    expect(cal.isWorkingDay('2022-01-03')).toBe(false); // 1/1/2022 Saturday
    expect(cal.isWorkingDay('2023-05-02')).toBe(false); // Giỗ Tổ Saturday 29/4/2023
    expect(cal.isWorkingDay('2023-05-03')).toBe(false); // 30/4/2023 Sunday
    expect(cal.isWorkingDay('2023-09-04')).toBe(false); // 2/9/2023 Saturday
  });

  it('keeps every swap balanced: each worked Saturday names a weekday off', () => {
    for (const record of VIETNAM_CALENDAR_YEARS) {
      for (const sat of record.workingSaturdays) {
        expect(sat.replaces).toBeDefined();
        if (sat.replaces && Number(sat.replaces.slice(0, 4)) === record.year)
          expect(cal.isWorkingDay(sat.replaces)).toBe(false);
      }
    }
  });
});
