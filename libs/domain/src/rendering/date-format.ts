import { isLocalDate, type LocalDate } from '../time/local-date';

/**
 * A date as written in Vietnamese administrative documents (Decree 30/2020/NĐ-CP, Appendix I): days below
 * 10 and months 1 and 2 take a leading zero, other months do not — '04/9/2020', '05/02/2021', '10/6/2020'.
 */
export function formatDate(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError(`Not a local date (YYYY-MM-DD): ${String(date)}`);
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const day = date.slice(8, 10);
  return `${day}/${month <= 2 ? String(month).padStart(2, '0') : String(month)}/${year}`;
}
