import { defaultWorkingCalendar } from '../calendar';
import { instantAt } from '../time/local-date';
import { dueDateFor } from './due-date';
import { dueDateAfterSupplement, supplementPolicyOn } from './supplement-policy';

const cal = defaultWorkingCalendar();

describe('supplementPolicyOn', () => {
  it('pauses before Decree 107/2021 takes effect (20/01/2022) and restarts from it', () => {
    expect(supplementPolicyOn('2020-09-01')).toEqual({ policy: 'pause', version: 'supplement-pause@decree-61-2018' });
    expect(supplementPolicyOn('2022-01-19').policy).toBe('pause');
    expect(supplementPolicyOn('2022-01-20')).toEqual({ policy: 'restart', version: 'supplement-restart@decree-107-2021' });
    expect(supplementPolicyOn('2025-07-01')).toEqual({ policy: 'restart', version: 'supplement-restart@decree-118-2025' });
  });
});

describe('dueDateAfterSupplement', () => {
  const limit = { unit: 'working_days', amount: 10 } as const;
  const receivedAt = instantAt('2020-08-03', '09:00'); // Mon
  const dueDate = dueDateFor(cal, receivedAt, limit); // Mon 17/8/2020

  it('pause: moves the due date by the working days spent waiting', () => {
    expect(dueDate).toBe('2020-08-17');
    // Requested Wed 05/8, supplied Tue 11/8: waited 6, 7, 10, 11 = 4 working days → 17/8 + 4 = Fri 21/8.
    const after = dueDateAfterSupplement(cal, {
      policy: 'pause',
      limit,
      dueDate,
      requestedAt: instantAt('2020-08-05', '10:00'),
      suppliedAt: instantAt('2020-08-11', '10:00'),
    });
    expect(after).toBe('2020-08-21');
  });

  it('pause: a supply on the same day changes nothing; across the 2/9/2020 holiday it does not count', () => {
    const same = { policy: 'pause' as const, limit, dueDate: '2020-09-10', requestedAt: instantAt('2020-09-01', '08:00'), suppliedAt: instantAt('2020-09-01', '16:00') };
    expect(dueDateAfterSupplement(cal, same)).toBe('2020-09-10');
    // Waiting Tue 01/9 → Thu 03/9: only Thu 03/9 is a working day (02/9 holiday) → 10/9 + 1 = Fri 11/9.
    expect(dueDateAfterSupplement(cal, { ...same, suppliedAt: instantAt('2020-09-03', '09:00') })).toBe('2020-09-11');
  });

  it('restart: the full limit runs again from the supply', () => {
    const after = dueDateAfterSupplement(cal, {
      policy: 'restart',
      limit,
      dueDate: '2022-03-01',
      requestedAt: instantAt('2022-02-21', '10:00'),
      suppliedAt: instantAt('2022-02-23', '10:00'), // Wed
    });
    expect(after).toBe('2022-03-09'); // 10 working days after Wed 23/2/2022
    expect(after).toBe(dueDateFor(cal, instantAt('2022-02-23', '10:00'), limit));
  });

  it('keeps immediate procedures without a due date', () => {
    const args = { limit: { unit: 'immediate' } as const, dueDate: null, requestedAt: instantAt('2020-09-01', '08:00'), suppliedAt: instantAt('2020-09-03', '08:00') };
    expect(dueDateAfterSupplement(cal, { ...args, policy: 'pause' })).toBeNull();
    expect(dueDateAfterSupplement(cal, { ...args, policy: 'restart' })).toBeNull();
  });
});
