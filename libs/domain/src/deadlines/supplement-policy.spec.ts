import { defaultWorkingCalendar } from '../calendar';
import { instantAt } from '../time/local-date';
import { dueDateFor } from './due-date';
import { dueDateAfterSupplement, supplementPolicyOn, type SupplementArgs } from './supplement-policy';
import { type TimeLimit } from './time-limit';

const cal = defaultWorkingCalendar();

/** A pause of one cycle: the due date of the receipt, then the supplement from `requested` to `supplied`. */
function paused(
  limit: TimeLimit,
  receivedAt: string,
  requestedAt: string,
  suppliedAt: string,
  earlierSupplements: SupplementArgs['earlierSupplements'] = [],
) {
  return dueDateAfterSupplement(cal, {
    policy: 'pause',
    limit,
    receivedAt,
    earlierSupplements,
    dueDate: dueDateFor(cal, receivedAt, limit),
    requestedAt,
    suppliedAt,
  });
}

describe('supplementPolicyOn', () => {
  it('pauses before Decree 107/2021 takes effect (20/01/2022) and restarts from it', () => {
    expect(supplementPolicyOn('2020-09-01')).toEqual({ policy: 'pause', version: 'supplement-pause@decree-61-2018' });
    expect(supplementPolicyOn('2022-01-19').policy).toBe('pause');
    expect(supplementPolicyOn('2022-01-20')).toEqual({
      policy: 'restart',
      version: 'supplement-restart@decree-107-2021',
    });
    expect(supplementPolicyOn('2025-07-01')).toEqual({
      policy: 'restart',
      version: 'supplement-restart@decree-118-2025',
    });
  });
});

describe('dueDateAfterSupplement', () => {
  const limit = { unit: 'working_days', amount: 10 } as const;
  const receivedAt = instantAt('2020-08-03', '09:00'); // Mon
  const dueDate = dueDateFor(cal, receivedAt, limit); // Mon 17/8/2020

  it('pause, working-day limit: moves the due date by the working days spent waiting', () => {
    expect(dueDate).toBe('2020-08-17');
    // Requested Wed 05/8, supplied Tue 11/8: waited 6, 7, 10, 11 = 4 working days → 17/8 + 4 = Fri 21/8.
    const after = dueDateAfterSupplement(cal, {
      policy: 'pause',
      limit,
      receivedAt,
      earlierSupplements: [],
      dueDate,
      requestedAt: instantAt('2020-08-05', '10:00'),
      suppliedAt: instantAt('2020-08-11', '10:00'),
    });
    expect(after).toBe('2020-08-21');
  });

  it('pause, working-day limit: a supply on the same day changes nothing; across the 2/9/2020 holiday it does not count', () => {
    const same = {
      policy: 'pause' as const,
      limit,
      receivedAt: instantAt('2020-08-27', '09:00'),
      earlierSupplements: [],
      dueDate: '2020-09-10',
      requestedAt: instantAt('2020-09-01', '08:00'),
      suppliedAt: instantAt('2020-09-01', '16:00'),
    };
    expect(dueDateAfterSupplement(cal, same)).toBe('2020-09-10');
    // Waiting Tue 01/9 → Thu 03/9: only Thu 03/9 is a working day (02/9 holiday) → 10/9 + 1 = Fri 11/9.
    expect(dueDateAfterSupplement(cal, { ...same, suppliedAt: instantAt('2020-09-03', '09:00') })).toBe('2020-09-11');
  });

  describe('pause, calendar-day limit: the waiting time counts in calendar days', () => {
    const days15 = { unit: 'calendar_days', amount: 15 } as const;

    it('a wait across a weekend counts every day of it', () => {
      // Received Mon 03/8/2020 → 03/8 + 15 = Tue 18/8. Requested Wed 05/8, supplied Mon 10/8: 5 calendar days
      // (only 3 working days) → 03/8 + 20 = Sun 23/8 → Mon 24/8.
      expect(dueDateFor(cal, receivedAt, days15)).toBe('2020-08-18');
      expect(paused(days15, receivedAt, instantAt('2020-08-05', '10:00'), instantAt('2020-08-10', '10:00'))).toBe(
        '2020-08-24',
      );
      // Requested Fri 07/8, supplied Mon 10/8: 3 calendar days → 03/8 + 18 = Fri 21/8.
      expect(paused(days15, receivedAt, instantAt('2020-08-07', '10:00'), instantAt('2020-08-10', '10:00'))).toBe(
        '2020-08-21',
      );
    });

    it('extends the period itself: its end moves to a working day only once, at the end', () => {
      // Received Mon 31/8/2020, 2 calendar days → Wed 02/9 (holiday) → Thu 03/9. A one-day wait (31/8 → 01/9)
      // makes the period end on 31/8 + 3 = Thu 03/9, a working day: the due date stays 03/9.
      const days2 = { unit: 'calendar_days', amount: 2 } as const;
      const received = instantAt('2020-08-31', '08:00');
      expect(dueDateFor(cal, received, days2)).toBe('2020-09-03');
      expect(paused(days2, received, instantAt('2020-08-31', '10:00'), instantAt('2020-09-01', '10:00'))).toBe(
        '2020-09-03',
      );
      // Supplied Thu 03/9: 3 days → 31/8 + 5 = Sat 05/9 → Mon 07/9.
      expect(paused(days2, received, instantAt('2020-08-31', '10:00'), instantAt('2020-09-03', '10:00'))).toBe(
        '2020-09-07',
      );
    });

    it('counts from the same effective dates as a receipt: a supply after the cut-off counts from the next working day', () => {
      // Requested Wed 05/8 10:00, supplied Fri 07/8 17:30 → counts as Mon 10/8: 5 days → Mon 24/8.
      expect(paused(days15, receivedAt, instantAt('2020-08-05', '10:00'), instantAt('2020-08-07', '17:30'))).toBe(
        '2020-08-24',
      );
      expect(paused(days15, receivedAt, instantAt('2020-08-05', '10:00'), instantAt('2020-08-05', '16:00'))).toBe(
        '2020-08-18',
      );
    });

    it('adds every completed cycle', () => {
      const earlier = [{ requestedAt: instantAt('2020-08-04', '10:00'), suppliedAt: instantAt('2020-08-06', '10:00') }]; // 2 days
      // 03/8 + 15 + 2 + 5 = 25/8 (Tue).
      expect(
        paused(days15, receivedAt, instantAt('2020-08-07', '10:00'), instantAt('2020-08-12', '10:00'), earlier),
      ).toBe('2020-08-25');
    });
  });

  describe('pause, hour limit: the waiting time counts in working hours', () => {
    // Working sessions 07:00–11:30 and 13:30–17:00; 02/9/2020 is a holiday.
    const received = instantAt('2020-09-01', '09:00'); // Tue

    it('a wait of a few hours inside one day can move the due date to the next working day', () => {
      // 4 h from Tue 09:00 run out at 15:00. Waiting 10:00 → 15:00 is 1.5 + 1.5 = 3 working hours: 7 h from Tue
      // 09:00 run out on Thu 03/9 at 08:00 (6 h on Tue, 1 h on Thu; a day count would keep Tue 01/9).
      const hours4 = { unit: 'working_hours', amount: 4 } as const;
      expect(dueDateFor(cal, received, hours4)).toBe('2020-09-01');
      expect(paused(hours4, received, instantAt('2020-09-01', '10:00'), instantAt('2020-09-01', '15:00'))).toBe(
        '2020-09-03',
      );
      // Waiting 10:00 → 11:00 (1 h): runs out at 16:00, still Tue.
      expect(paused(hours4, received, instantAt('2020-09-01', '10:00'), instantAt('2020-09-01', '11:00'))).toBe(
        '2020-09-01',
      );
    });

    it('a wait across days counts only the working hours in it, not whole days', () => {
      // 8 h from Tue 09:00 run out on Thu 03/9 at 09:00. Waiting Tue 16:00 → Thu 09:00 is 1 + 2 = 3 working hours:
      // runs out on Thu at 14:00 (2.5 h before the break, 0.5 h after): still Thu 03/9 (a day count gives Fri 04/9).
      const hours8 = { unit: 'working_hours', amount: 8 } as const;
      expect(dueDateFor(cal, received, hours8)).toBe('2020-09-03');
      expect(paused(hours8, received, instantAt('2020-09-01', '16:00'), instantAt('2020-09-03', '09:00'))).toBe(
        '2020-09-03',
      );
      // A wait outside the working sessions (Tue 17:30 → Thu 06:45) costs nothing.
      expect(paused(hours8, received, instantAt('2020-09-01', '17:30'), instantAt('2020-09-03', '06:45'))).toBe(
        '2020-09-03',
      );
      // Waiting Tue 10:00 → Fri 04/9 10:00: 5 h on Tue + 8 h on Thu + 3 h on Fri = 16 h → 24 h in all from Tue
      // 09:00: 8 h to Thu 09:00, 8 h to Fri 09:00, 8 h to Mon 07/9 09:00 → Mon 07/9.
      expect(paused(hours8, received, instantAt('2020-09-01', '10:00'), instantAt('2020-09-04', '10:00'))).toBe(
        '2020-09-07',
      );
    });

    it('adds every completed cycle', () => {
      const hours4 = { unit: 'working_hours', amount: 4 } as const;
      const earlier = [{ requestedAt: instantAt('2020-09-01', '09:30'), suppliedAt: instantAt('2020-09-01', '10:00') }]; // 0.5 h
      // 4 + 0.5 + 2 h (14:00 → 16:00) = 6.5 h from Tue 09:00: 6 h on Tue, then Thu.
      expect(
        paused(hours4, received, instantAt('2020-09-01', '14:00'), instantAt('2020-09-01', '16:00'), earlier),
      ).toBe('2020-09-03');
      expect(paused(hours4, received, instantAt('2020-09-01', '14:00'), instantAt('2020-09-01', '16:00'))).toBe(
        '2020-09-01',
      );
    });
  });

  it('restart: the full limit runs again from the supply', () => {
    const after = dueDateAfterSupplement(cal, {
      policy: 'restart',
      limit,
      receivedAt: instantAt('2022-02-15', '10:00'),
      earlierSupplements: [],
      dueDate: '2022-03-01',
      requestedAt: instantAt('2022-02-21', '10:00'),
      suppliedAt: instantAt('2022-02-23', '10:00'), // Wed
    });
    expect(after).toBe('2022-03-09'); // 10 working days after Wed 23/2/2022
    expect(after).toBe(dueDateFor(cal, instantAt('2022-02-23', '10:00'), limit));
  });

  it('keeps immediate procedures without a due date', () => {
    const args = {
      limit: { unit: 'immediate' } as const,
      receivedAt: instantAt('2020-08-31', '08:00'),
      earlierSupplements: [],
      dueDate: null,
      requestedAt: instantAt('2020-09-01', '08:00'),
      suppliedAt: instantAt('2020-09-03', '08:00'),
    };
    expect(dueDateAfterSupplement(cal, { ...args, policy: 'pause' })).toBeNull();
    expect(dueDateAfterSupplement(cal, { ...args, policy: 'restart' })).toBeNull();
  });
});
