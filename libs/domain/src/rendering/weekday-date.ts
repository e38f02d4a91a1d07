import type { LocalDate } from '../time/local-date';
import { formatDate } from './date-format';

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** A date with its weekday, as an appointment is told to the applicant: 'Thứ Sáu, ngày 04/9/2020'. */
export function formatWeekdayDate(date: LocalDate): string {
  const text = formatDate(date); // checks the date
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
  return `${weekday}, ngày ${text}`;
}
