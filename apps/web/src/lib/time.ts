/**
 * Times as a clerk reads them: always in Asia/Ho_Chi_Minh, Vietnamese format, never UTC. Dates without a time
 * (due dates, "YYYY-MM-DD") are calendar dates and are shown as they are.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** "14:05 ngày 01/09/2020" */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

/** "04/09/2020" from "2020-09-04". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "Thứ Sáu, ngày 04/09/2020" */
export function formatDateLong(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ngày ${pad(d)}/${pad(m)}/${y}`;
}

/** Today's date at the centre, "YYYY-MM-DD". */
export function todayLocal(now = new Date()): string {
  return localDateOf(now.toISOString());
}

/** The local date ("YYYY-MM-DD") of an instant. */
export function localDateOf(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "còn 3 ngày làm việc", "đến hạn hôm nay", "quá hạn 2 ngày làm việc" */
export function workingDaysText(days: number | null | undefined): string {
  if (days === null || days === undefined) return '';
  if (days > 0) return `còn ${days} ngày làm việc`;
  if (days === 0) return 'đến hạn hôm nay';
  return `quá hạn ${-days} ngày làm việc`;
}

/** A number as Vietnamese write it: 26.286 */
export const formatNumber = (n: number): string => new Intl.NumberFormat('vi-VN').format(n);
