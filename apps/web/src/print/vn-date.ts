/**
 * Dates and times as administrative documents write them (Decree 30/2020/NĐ-CP): a day below 10 and the months
 * 1 and 2 take a leading zero, the other months do not — "ngày 01 tháng 9 năm 2020", "ngày 05 tháng 02 năm 2021".
 * Instants are read in Asia/Ho_Chi_Minh, never UTC.
 */
import { TIME_ZONE } from '../lib/time';

const pad = (n: number): string => String(n).padStart(2, '0');
const month = (m: number): string => (m <= 2 ? pad(m) : String(m));

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

export function localParts(iso: string): LocalParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** "ngày 04 tháng 9 năm 2020" from "2020-09-04"; the dotted blank when there is no date. */
export function dateWords(date: string | null | undefined): string {
  if (!date) return 'ngày …… tháng …… năm ……';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `ngày ${pad(d)} tháng ${month(m)} năm ${y}`;
}

/** "14 giờ 05 phút, ngày 01 tháng 9 năm 2020" for an instant, in local time. */
export function instantWords(iso: string | null | undefined): string {
  if (!iso) return '…… giờ …… phút, ngày …… tháng …… năm ……';
  const p = localParts(iso);
  return `${pad(p.hour)} giờ ${pad(p.minute)} phút, ngày ${pad(p.day)} tháng ${month(p.month)} năm ${p.year}`;
}

/** "ngày 01 tháng 9 năm 2020" for the local date of an instant. */
export function instantDateWords(iso: string | null | undefined): string {
  if (!iso) return dateWords(null);
  const p = localParts(iso);
  return dateWords(`${p.year}-${pad(p.month)}-${pad(p.day)}`);
}

/** "01/9/2020" (short form, same zero rule) for a local date "YYYY-MM-DD". */
export function shortDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${pad(d)}/${month(m)}/${y}`;
}

/** "14:05 01/9/2020" for an instant, in local time. */
export function shortInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = localParts(iso);
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${month(p.month)}/${p.year}`;
}
