export type CalendarErrorCode = 'calendar_year_not_covered' | 'calendar_data_invalid' | 'calendar_argument_invalid';

/** Raised when a date outside the published calendar is asked for, or the calendar data is inconsistent. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    /** Where in the calendar data, when known: `[0].daysOff[2].date`. */
    readonly field?: string,
  ) {
    super(message);
  }
}
