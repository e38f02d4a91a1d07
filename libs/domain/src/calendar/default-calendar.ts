import { VIETNAM_CALENDAR_YEARS } from './years';
import { workingCalendar, type WorkingCalendar } from './working-calendar';

let cached: WorkingCalendar | undefined;

/** The working calendar over the shipped Vietnamese year records (vn-calendar@2019-2026). */
export function defaultWorkingCalendar(): WorkingCalendar {
  cached ??= workingCalendar(VIETNAM_CALENDAR_YEARS);
  return cached;
}
