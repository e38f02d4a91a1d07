import fc from 'fast-check';
import { defaultWorkingCalendar } from '../calendar';
import { addDays, instantAt, localDateOf, type Instant } from '../time/local-date';
import { dueDateFor, effectiveReceiptDate } from './due-date';
import { dueDateAfterSupplement } from './supplement-policy';
import { type TimeLimit } from './time-limit';
import { workingMinutesBetween } from './working-hours';

const cal = defaultWorkingCalendar();
const FROM = Date.parse('2018-12-31T17:00:00.000Z'); // 01/01/2019 00:00 local
const TO = Date.parse('2026-06-30T16:59:59.000Z'); // leaves room for the limit and the waits before 2027
const DAY = 86_400_000;

/** Receipt ≤ request ≤ supply, the request within 20 days of the receipt and the supply within 20 days of it. */
const timeline = fc
  .tuple(
    fc.integer({ min: FROM, max: TO }),
    fc.integer({ min: 0, max: 20 * DAY }),
    fc.integer({ min: 0, max: 20 * DAY }),
  )
  .map(([received, toRequest, toSupply]) => ({
    receivedAt: new Date(received).toISOString(),
    requestedAt: new Date(received + toRequest).toISOString(),
    suppliedAt: new Date(received + toRequest + toSupply).toISOString(),
  }));

const limits: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map((amount) => ({ unit: 'working_days' as const, amount })),
  fc.integer({ min: 1, max: 30 }).map((amount) => ({ unit: 'calendar_days' as const, amount })),
  fc.integer({ min: 1, max: 80 }).map((amount) => ({ unit: 'working_hours' as const, amount: amount / 2 })),
);

function pause(limit: TimeLimit, t: { receivedAt: Instant; requestedAt: Instant; suppliedAt: Instant }): string {
  const dueDate = dueDateFor(cal, t.receivedAt, limit);
  return dueDateAfterSupplement(cal, { policy: 'pause', limit, earlierSupplements: [], dueDate, ...t }) as string;
}

describe('pause supplement policy properties', () => {
  it('never moves the due date earlier, always lands on a working day, and a wait of no time changes nothing', () => {
    fc.assert(
      fc.property(limits, timeline, (limit, t) => {
        const before = dueDateFor(cal, t.receivedAt, limit) as string;
        const after = pause(limit, t);
        expect(after >= before).toBe(true);
        expect(cal.isWorkingDay(after)).toBe(true);
        expect(pause(limit, { ...t, suppliedAt: t.requestedAt })).toBe(before);
      }),
      { numRuns: 400 },
    );
  });

  it('calendar-day limits: the period is extended by every calendar day waited (weekends and holidays too)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), timeline, (amount, t) => {
        const waited =
          (Date.parse(effectiveReceiptDate(cal, t.suppliedAt)) - Date.parse(effectiveReceiptDate(cal, t.requestedAt))) /
          DAY;
        const end = addDays(effectiveReceiptDate(cal, t.receivedAt), amount + Math.max(0, waited));
        const after = pause({ unit: 'calendar_days', amount }, t);
        expect(after >= end).toBe(true);
        // …and moved no further than the first working day on or after the period's end.
        expect(after === end || cal.workingDaysBetween(end, after) === 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('hour limits: the due date is that of the hours left at the request, counted again from the supply', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), timeline, (halfHours, t) => {
        const limitMinutes = halfHours * 30;
        const spent = workingMinutesBetween(cal, t.receivedAt, t.requestedAt);
        fc.pre(spent < limitMinutes);
        const left = { unit: 'working_hours' as const, amount: (limitMinutes - spent) / 60 };
        expect(pause({ unit: 'working_hours', amount: halfHours / 2 }, t)).toBe(dueDateFor(cal, t.suppliedAt, left));
      }),
      { numRuns: 300 },
    );
  });

  it('working minutes add up: (a, b) + (b, c) = (a, c), and a working day holds 8 hours', () => {
    fc.assert(
      fc.property(timeline, ({ receivedAt: a, requestedAt: b, suppliedAt: c }) => {
        expect(workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c)).toBe(
          workingMinutesBetween(cal, a, c),
        );
        expect(workingMinutesBetween(cal, c, a)).toBe(-workingMinutesBetween(cal, a, c));
        const day = localDateOf(a);
        expect(workingMinutesBetween(cal, instantAt(day), instantAt(addDays(day, 1)))).toBe(
          cal.isWorkingDay(day) ? 480 : 0,
        );
      }),
      { numRuns: 300 },
    );
  });
});
