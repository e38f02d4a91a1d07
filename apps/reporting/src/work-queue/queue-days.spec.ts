import { defaultWorkingCalendar, instantAt } from '@app/domain';
import { queueDays, workingDaysLeft, workingDaysLeftOf } from './queue-days';

const calendar = defaultWorkingCalendar();

describe('the days of the work queue (Asia/Ho_Chi_Minh, working-day calendar)', () => {
  it('takes today in Vietnam and "due soon" up to the 2nd working day after it', () => {
    // Thu 2020-09-03, 23:30 local = 16:30 UTC: today is the 3rd; Wed 2/9 is National Day, Fri 4/9 and Mon 7/9 follow
    expect(queueDays(calendar, new Date(instantAt('2020-09-03', '23:30')))).toEqual({
      today: '2020-09-03',
      soonUntil: '2020-09-07',
    });
    // just after local midnight it is already the 4th (UTC still says the 3rd)
    expect(queueDays(calendar, new Date('2020-09-03T17:00:00.000Z')).today).toBe('2020-09-04');
    // on Saturday: Monday and Tuesday
    expect(queueDays(calendar, new Date(instantAt('2020-09-05', '10:00')))).toEqual({
      today: '2020-09-05',
      soonUntil: '2020-09-08',
    });
  });

  it('stops "due soon" at the last day the calendar covers instead of guessing the next year', () => {
    expect(queueDays(calendar, new Date(instantAt('2026-12-31', '10:00')))).toEqual({
      today: '2026-12-31',
      soonUntil: '2026-12-31',
    });
  });

  it('counts working days left: 0 on the due date, negative once overdue (never 0), null without a due date', () => {
    expect(workingDaysLeft(calendar, '2020-09-01', '2020-09-04')).toBe(2); // Thu 3, Fri 4 (Wed 2 is a holiday)
    expect(workingDaysLeft(calendar, '2020-09-04', '2020-09-04')).toBe(0);
    expect(workingDaysLeft(calendar, '2020-09-08', '2020-09-04')).toBe(-2); // Mon 7, Tue 8
    expect(workingDaysLeft(calendar, '2020-09-05', '2020-09-04')).toBe(-1); // Saturday after a Friday due date
    expect(workingDaysLeft(calendar, '2020-09-04', null)).toBeNull();
    expect(workingDaysLeft(calendar, '2026-12-30', '2027-01-05')).toBeNull();
  });

  it('gives the same for many due dates at once, counted over their span once', () => {
    const dues = ['2020-09-04', null, '2020-09-01', '2019-12-31', '2020-09-05', '2024-06-03', '2020-09-08'];
    for (const today of ['2020-09-03', '2020-09-05', '2021-02-10'])
      expect(workingDaysLeftOf(calendar, today, dues)).toEqual(
        dues.map((due) => workingDaysLeft(calendar, today, due)),
      );
    expect(workingDaysLeftOf(calendar, '2026-12-30', ['2027-01-05', '2026-12-29', null])).toEqual([null, -1, null]);
  });
});
