import { type Instant, type LocalDate, type WorkingCalendar, addDays, instantAt, localDateOf } from '@app/domain';
import type { Random } from '@app/domain/testing';

/** Working days of the calendar in a window, and times of day a counter works. */
export class Timeline {
  private readonly days: LocalDate[] = [];

  constructor(
    private readonly calendar: WorkingCalendar,
    first: LocalDate,
    last: LocalDate,
  ) {
    for (let day = first; day <= last; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) this.days.push(day);
  }

  /** Working days in [from, to] (inclusive). */
  between(from: LocalDate, to: LocalDate): LocalDate[] {
    return this.days.filter((d) => d >= from && d <= to);
  }

  /** The `n` working days before `day` (excluded). */
  before(day: LocalDate, n: number): LocalDate[] {
    const earlier = this.days.filter((d) => d < day);
    return earlier.slice(Math.max(0, earlier.length - n));
  }

  /** The working day `n` working days after `day`. */
  after(day: LocalDate, n: number): LocalDate {
    return this.calendar.addWorkingDays(day, n);
  }

  /** A moment during office hours (07:30–16:30 local) on `day`, strictly after `after` if that is the same day. */
  timeOn(day: LocalDate, random: Random, after?: Instant): Instant {
    if (after && localDateOf(after) === day) {
      const next = Date.parse(after) + random.int(5, 60) * 60_000;
      const latest = Date.parse(instantAt(day, '23:00'));
      return new Date(Math.min(next, Math.max(latest, Date.parse(after) + 60_000))).toISOString();
    }
    const minute = random.int(7 * 60 + 30, 16 * 60 + 30);
    return instantAt(
      day,
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
    );
  }
}
