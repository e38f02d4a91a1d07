import { defaultWorkingCalendar, VIETNAM_CALENDAR_YEARS } from '../calendar';
import { addDays, dayOfWeek } from '../time/local-date';
import { gioToHungVuong, lunarNewYear, solarToLunar } from './lunar-calendar';

/** Cross-checks the published calendar data against the in-house lunar computation. */
describe('shipped calendar years against the lunar calendar', () => {
  const cal = defaultWorkingCalendar();

  it.each(VIETNAM_CALENDAR_YEARS.map((record) => [record.year, record] as const))(
    '%i: Tết days off surround lunar new year',
    (year, record) => {
      const tet = lunarNewYear(year);
      const off = new Set(record.daysOff.map((d) => d.date));
      for (const offset of [-1, 0, 1, 2]) expect(off.has(addDays(tet, offset))).toBe(true);
      for (const offset of [-1, 0, 1, 2, 3]) expect(cal.isWorkingDay(addDays(tet, offset))).toBe(false);
    },
  );

  it.each(VIETNAM_CALENDAR_YEARS.map((record) => [record.year, record] as const))(
    '%i: Giỗ Tổ is 10/3 lunar, compensated when on a weekend',
    (year, record) => {
      const gioTo = gioToHungVuong(year);
      const entries = record.daysOff.filter((d) => d.name.includes('Giỗ Tổ'));
      expect(entries.map((d) => d.date)).toContain(gioTo);
      const weekend = dayOfWeek(gioTo) === 0 || dayOfWeek(gioTo) === 6;
      const compensation = entries.find((d) => d.name.startsWith('Nghỉ bù'));
      if (weekend) {
        expect(compensation).toBeDefined();
        expect(compensation && compensation.date > gioTo && compensation.date <= addDays(gioTo, 5)).toBe(true);
        expect(cal.isWorkingDay(compensation?.date ?? '')).toBe(false);
      } else {
        expect(compensation).toBeUndefined();
        expect(cal.isWorkingDay(gioTo)).toBe(false);
      }
    },
  );

  it('names Tết days with the right lunar day', () => {
    for (const record of VIETNAM_CALENDAR_YEARS) {
      for (const day of record.daysOff) {
        const lunar = solarToLunar(day.date);
        const chap = /(\d+) tháng Chạp/.exec(day.name);
        const mung = /mùng (\d+)/.exec(day.name);
        if (chap) expect([day.date, lunar.month, lunar.day]).toEqual([day.date, 12, Number(chap[1])]);
        if (mung) expect([day.date, lunar.month, lunar.day]).toEqual([day.date, 1, Number(mung[1])]);
      }
    }
  });
});
