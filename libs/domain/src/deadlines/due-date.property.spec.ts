import fc from 'fast-check';
import { defaultWorkingCalendar } from '../calendar';
import { localDateOf } from '../time/local-date';
import { dueDateFor } from './due-date';

const cal = defaultWorkingCalendar();

describe('dueDateFor properties', () => {
  it('for any instant in 2019–2026 and 1..60 working days, the due date is a working day on or after the receipt date', () => {
    const from = Date.parse('2018-12-31T17:00:00.000Z'); // 01/01/2019 00:00 local
    const to = Date.parse('2026-09-30T16:59:59.000Z'); // leaves room for 60 working days before 2027
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 60 }), (ms, n) => {
        const receivedAt = new Date(ms).toISOString();
        const due = dueDateFor(cal, receivedAt, { unit: 'working_days', amount: n });
        expect(due).not.toBeNull();
        expect(cal.isWorkingDay(due as string)).toBe(true);
        expect((due as string) > localDateOf(receivedAt)).toBe(true);
        expect(cal.workingDaysBetween(localDateOf(receivedAt), due as string)).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 500 },
    );
  });

  it('calendar-day due dates are working days, never earlier than receipt + N', () => {
    const from = Date.parse('2018-12-31T17:00:00.000Z');
    const to = Date.parse('2026-09-30T16:59:59.000Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 60 }), (ms, n) => {
        const receivedAt = new Date(ms).toISOString();
        const due = dueDateFor(cal, receivedAt, { unit: 'calendar_days', amount: n }) as string;
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(due >= localDateOf(receivedAt)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
