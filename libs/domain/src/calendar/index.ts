export { type CalendarYear, type DayOff, type WorkingSaturday } from './calendar-year';
export { CalendarError, type CalendarErrorCode } from './calendar-error';
export { workingCalendar, type WorkingCalendar } from './working-calendar';
export { parseCalendarYears } from './calendar-parser';
export { VIETNAM_CALENDAR_YEARS } from './years';
export { defaultWorkingCalendar } from './default-calendar';
