import { formatWeekdayDate } from './weekday-date';

describe('formatWeekdayDate', () => {
  it.each([
    ['2020-09-04', 'Thứ Sáu, ngày 04/9/2020'],
    ['2020-09-06', 'Chủ Nhật, ngày 06/9/2020'],
    ['2021-02-05', 'Thứ Sáu, ngày 05/02/2021'],
    ['2020-06-15', 'Thứ Hai, ngày 15/6/2020'],
    ['2026-12-12', 'Thứ Bảy, ngày 12/12/2026'],
  ])('%s → %s', (date, text) => expect(formatWeekdayDate(date)).toBe(text));

  it('refuses what is not a local date', () => expect(() => formatWeekdayDate('2020-9-4')).toThrow(RangeError));
});
