import { addDays, dayOfWeek, instantAt, isLocalDate, localDateOf, localMinuteOfDay } from './local-date';

describe('local dates in Asia/Ho_Chi_Minh', () => {
  it('takes the Vietnamese date of an instant, whatever the process zone', () => {
    expect(localDateOf('2020-09-03T16:59:59.000Z')).toBe('2020-09-03');
    expect(localDateOf('2020-09-03T17:00:00.000Z')).toBe('2020-09-04');
    expect(localMinuteOfDay('2020-09-01T02:00:00.000Z')).toBe(9 * 60);
  });
  it('places a local date and time back on the UTC line', () => {
    expect(instantAt('2020-09-01', '09:00')).toBe('2020-09-01T02:00:00.000Z');
    expect(instantAt('2020-09-01')).toBe('2020-08-31T17:00:00.000Z');
  });
  it('does date arithmetic on plain dates', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(dayOfWeek('2020-09-04')).toBe(5);
    expect(isLocalDate('2020-02-30')).toBe(false);
    expect(isLocalDate('2020-02-29')).toBe(true);
  });
});
