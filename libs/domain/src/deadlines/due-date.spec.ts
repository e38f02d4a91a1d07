import { defaultWorkingCalendar } from '../calendar';
import { instantAt } from '../time/local-date';
import { dueDateFor, effectiveReceiptDate } from './due-date';
import { DeadlineError } from './time-limit';

const cal = defaultWorkingCalendar();
const at = (date: string, time: string) => instantAt(date, time);

describe('dueDateFor: working days', () => {
  it('counts the N-th working day after the day of receipt, skipping holidays (acceptance example)', () => {
    // Tue 01/9/2020 09:00 (+07:00), 2 working days; 02/9/2020 is a holiday → Thu 03/9 is day 1, Fri 04/9 day 2.
    expect(dueDateFor(cal, '2020-09-01T09:00:00+07:00', { unit: 'working_days', amount: 2 })).toBe('2020-09-04');
    expect(dueDateFor(cal, '2020-09-01T02:00:00.000Z', { unit: 'working_days', amount: 2 })).toBe('2020-09-04');
  });

  it('treats a receipt after the cut-off as received on the next working day', () => {
    expect(dueDateFor(cal, at('2020-09-01', '17:00'), { unit: 'working_days', amount: 2 })).toBe('2020-09-04'); // at the cut-off: same day
    expect(dueDateFor(cal, at('2020-09-01', '17:01'), { unit: 'working_days', amount: 2 })).toBe('2020-09-07'); // counts from Thu 03/9
    expect(dueDateFor(cal, at('2020-09-01', '15:30'), { unit: 'working_days', amount: 2 }, { cutoff: '15:00' })).toBe(
      '2020-09-07',
    );
    // 23:30 local on Fri 04/9/2020 is still Friday in Vietnam (16:30Z), whatever the process zone.
    expect(effectiveReceiptDate(cal, '2020-09-04T16:30:00.000Z')).toBe('2020-09-07');
  });

  it('treats a receipt on a non-working day as received on the next working day', () => {
    // Saturday 05/9/2020 → counts as Monday 07/9 → 1 working day = Tuesday 08/9.
    expect(dueDateFor(cal, at('2020-09-05', '09:00'), { unit: 'working_days', amount: 1 })).toBe('2020-09-08');
    // Received on the holiday itself (Wed 02/9/2020) → counts as Thu 03/9 → Fri 04/9.
    expect(dueDateFor(cal, at('2020-09-02', '10:00'), { unit: 'working_days', amount: 1 })).toBe('2020-09-04');
  });

  it('runs across Tết 2021 (10/2–16/2/2021)', () => {
    // Tue 09/2/2021 10:00, 3 working days → 17/2, 18/2, 19/2.
    expect(dueDateFor(cal, at('2021-02-09', '10:00'), { unit: 'working_days', amount: 3 })).toBe('2021-02-19');
    // Received Mon 08/2/2021, 1 day → Tue 09/2; 2 days → Wed 17/2.
    expect(dueDateFor(cal, at('2021-02-08', '10:00'), { unit: 'working_days', amount: 2 })).toBe('2021-02-17');
    // Tết 2020: Wed 22/1/2020, 1 working day → Thu 30/1/2020.
    expect(dueDateFor(cal, at('2020-01-22', '08:00'), { unit: 'working_days', amount: 1 })).toBe('2020-01-30');
  });

  it('counts worked Saturdays as working days', () => {
    // Fri 03/5/2024, 1 working day → Sat 04/5/2024 (swapped working Saturday).
    expect(dueDateFor(cal, at('2024-05-03', '09:00'), { unit: 'working_days', amount: 1 })).toBe('2024-05-04');
  });

  it('gives the receipt day itself for 0 working days, and null for immediate procedures', () => {
    expect(dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'working_days', amount: 0 })).toBe('2020-09-01');
    expect(dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'immediate' })).toBeNull();
  });
});

describe('dueDateFor: calendar days', () => {
  it('adds N days and moves off non-working days', () => {
    // Mon 31/8/2020 + 2 = Wed 02/9/2020, a holiday → Thu 03/9.
    expect(dueDateFor(cal, at('2020-08-31', '09:00'), { unit: 'calendar_days', amount: 2 })).toBe('2020-09-03');
    // Thu 21/1/2021 + 20 = Wed 10/2/2021 (Tết) → Wed 17/2/2021.
    expect(dueDateFor(cal, at('2021-01-21', '09:00'), { unit: 'calendar_days', amount: 20 })).toBe('2021-02-17');
    // Tue 01/9/2020 + 4 = Sat 05/9 → Mon 07/9.
    expect(dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'calendar_days', amount: 4 })).toBe('2020-09-07');
    expect(dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'calendar_days', amount: 7 })).toBe('2020-09-08');
  });

  it('starts from the effective receipt date', () => {
    // Sat 05/9/2020 → Mon 07/9 + 3 = Thu 10/9.
    expect(dueDateFor(cal, at('2020-09-05', '09:00'), { unit: 'calendar_days', amount: 3 })).toBe('2020-09-10');
  });
});

describe('dueDateFor: working hours', () => {
  it('spends 8 working hours a day in 07:00–11:30 and 13:30–17:00', () => {
    expect(dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'working_hours', amount: 4 })).toBe('2020-09-01');
    // 09:00–11:30 (2.5 h) + 13:30–17:00 (3.5 h) = 6 h on Tue; the 7th hour falls on Thu 03/9 (02/9 holiday).
    expect(dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'working_hours', amount: 6 })).toBe('2020-09-01');
    expect(dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'working_hours', amount: 7 })).toBe('2020-09-03');
    expect(dueDateFor(cal, at('2020-09-01', '12:00'), { unit: 'working_hours', amount: 3.5 })).toBe('2020-09-01');
    expect(dueDateFor(cal, at('2020-09-01', '17:30'), { unit: 'working_hours', amount: 8 })).toBe('2020-09-03');
    expect(dueDateFor(cal, at('2020-09-05', '09:00'), { unit: 'working_hours', amount: 8 })).toBe('2020-09-07');
    expect(dueDateFor(cal, at('2020-09-04', '16:00'), { unit: 'working_hours', amount: 2 })).toBe('2020-09-07');
  });
});

describe('dueDateFor: validation', () => {
  it('rejects bad limits, instants and rules', () => {
    expect(() => dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'working_days', amount: 1.5 })).toThrow(
      DeadlineError,
    );
    expect(() => dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'calendar_days', amount: -1 })).toThrow(
      DeadlineError,
    );
    expect(() => dueDateFor(cal, 'yesterday', { unit: 'working_days', amount: 1 })).toThrow(/instant/);
    expect(() =>
      dueDateFor(cal, at('2020-09-01', '09:00'), { unit: 'working_days', amount: 1 }, { cutoff: '5pm' }),
    ).toThrow(/HH:MM/);
  });

  it('refuses to compute past the published calendar', () => {
    expect(() => dueDateFor(cal, at('2026-12-30', '09:00'), { unit: 'working_days', amount: 5 })).toThrow(/2027/);
  });
});
