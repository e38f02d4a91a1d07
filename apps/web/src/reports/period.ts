/**
 * Reporting periods as the province names them: calendar month, quarter, six months, year; the reporting windows
 * of Decree 09/2019/NĐ-CP (data cut off on the 14th: a quarter runs from the 15th of the month before it to the 14th
 * of its last month; six months 15/12 → 14/6 and 15/6 → 14/12; the year 15/12 → 14/12); the windows reports actually
 * used (the Huế Q3-2020 report counted 10/6 → 04/9/2020); or any closed interval of local dates.
 */
export const PERIOD_KINDS = [
  'month',
  'quarter',
  'half',
  'year',
  'window-quarter',
  'window-half',
  'window-year',
  'named',
  'custom',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  year: 'Năm',
  'window-quarter': 'Kỳ báo cáo quý (15 → 14)',
  'window-half': 'Kỳ báo cáo 6 tháng (15 → 14)',
  'window-year': 'Kỳ báo cáo năm (15/12 → 14/12)',
  named: 'Kỳ báo cáo đã dùng',
  custom: 'Tùy chọn (từ ngày … đến ngày)',
};

export interface Period {
  from: string;
  to: string;
}

/** Windows reports have used (not derivable from a rule). */
export const NAMED_WINDOWS: { id: string; label: string; period: Period }[] = [
  {
    id: 'tth-2020-q3',
    label: 'Báo cáo CCHC quý III/2020 tỉnh Thừa Thiên Huế (10/6 → 04/9/2020)',
    period: { from: '2020-06-10', to: '2020-09-04' },
  },
];

/** How many of each kind a year has (month 1–12, quarter 1–4, half 1–2). */
export const COUNT_IN_YEAR: Partial<Record<PeriodKind, number>> = {
  month: 12,
  quarter: 4,
  half: 2,
  'window-quarter': 4,
  'window-half': 2,
};

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
/** Last day of month m (1–12) of year y. */
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The 15th of the month `months` before month m of year y (m − months may go into the year before). */
function fifteenthBefore(y: number, m: number, months: number): string {
  const index = y * 12 + (m - 1) - months;
  return iso(Math.floor(index / 12), (index % 12) + 1, 15);
}

/** The period of a kind, year and number (month, quarter, half); custom and named periods are given. */
export function periodOf(kind: PeriodKind, year: number, n: number): Period {
  switch (kind) {
    case 'month':
      return { from: iso(year, n, 1), to: iso(year, n, lastDay(year, n)) };
    case 'quarter':
      return { from: iso(year, 3 * n - 2, 1), to: iso(year, 3 * n, lastDay(year, 3 * n)) };
    case 'half':
      return { from: iso(year, 6 * n - 5, 1), to: iso(year, 6 * n, lastDay(year, 6 * n)) };
    case 'year':
      return { from: iso(year, 1, 1), to: iso(year, 12, 31) };
    case 'window-quarter':
      return { from: fifteenthBefore(year, 3 * n - 2, 1), to: iso(year, 3 * n, 14) };
    case 'window-half':
      return { from: fifteenthBefore(year, 6 * n - 5, 1), to: iso(year, 6 * n, 14) };
    case 'window-year':
      return { from: iso(year - 1, 12, 15), to: iso(year, 12, 14) };
    default:
      throw new RangeError(`periodOf: ${kind} is given, not computed`);
  }
}

/** The number of the month, quarter or half a date falls in (for the default choice). */
export function numberOf(kind: PeriodKind, date: string): number {
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return month;
  if (kind === 'quarter') return Math.ceil(month / 3);
  if (kind === 'half') return month <= 6 ? 1 : 2;
  if (kind === 'window-quarter') {
    const day = Number(date.slice(8, 10));
    const shifted = day >= 15 && month % 3 === 0 ? month + 1 : month;
    return Math.min(4, Math.ceil(shifted / 3));
  }
  if (kind === 'window-half') return month < 6 || (month === 6 && Number(date.slice(8, 10)) < 15) ? 1 : 2;
  return 1;
}

/** "Quý 4/2026", "Tháng 11/2026", "6 tháng đầu năm 2026"… for a kind, year and number. */
export function nameOf(kind: PeriodKind, year: number, n: number): string {
  switch (kind) {
    case 'month':
      return `Tháng ${n}/${year}`;
    case 'quarter':
    case 'window-quarter':
      return `Quý ${['I', 'II', 'III', 'IV'][n - 1] ?? n}/${year}`;
    case 'half':
    case 'window-half':
      return n === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    default:
      return `Năm ${year}`;
  }
}

/** A date as the reports write it (Decree 30/2020): 10/6/2020, 04/9/2020, 05/02/2021. */
export function reportDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${pad(d)}/${m <= 2 ? pad(m) : m}/${y}`;
}

export const isLocalDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Each day of a period, for the units in force in it. */
export const overlaps = (validFrom: string | undefined, validTo: string | null | undefined, p: Period): boolean =>
  (!validFrom || validFrom <= p.to) && (!validTo || String(validTo) > p.from);
