/** What the printed forms read from a dossier, its history and the reference data (pure functions, no React). */
import type { ApplicantDetails, DossierView, HistoryEntry, Procedure, Unit } from '../api/types';
import { localDateOf } from '../lib/time';

export const ERASED = '[đã xoá theo yêu cầu]';
export const BLANK = '………………………………………';

export interface Reference {
  units: Unit[];
  procedures: Procedure[];
}

const inForce = (r: { validFrom?: unknown; validTo?: unknown }, date: string): boolean =>
  (typeof r.validFrom !== 'string' || r.validFrom <= date) && (typeof r.validTo !== 'string' || date < r.validTo);

/** The unit's record in force on `date` (or any record of it: a printed slip of an ended unit keeps its name). */
export function unitAt(units: Unit[], id: string | null | undefined, date: string): Unit | undefined {
  if (!id) return undefined;
  const all = units.filter((u) => u.id === id);
  return all.find((u) => inForce(u, date)) ?? all.at(-1);
}

export function unitName(units: Unit[], id: string | null | undefined, date: string): string {
  return unitAt(units, id, date)?.name ?? id ?? BLANK;
}

/** The procedure's version in force on `date` (its name may change between versions). */
export function procedureAt(procedures: Procedure[], code: string, date: string): Procedure | undefined {
  const all = procedures.filter((p) => p.code === code);
  return all.find((p) => inForce(p as { validFrom?: unknown; validTo?: unknown }, date)) ?? all.at(-1);
}

export function procedureName(procedures: Procedure[], code: string, date: string): string {
  return procedureAt(procedures, code, date)?.name ?? code;
}

/** The governing body above the unit (the "cơ quan chủ quản" line of the heading), if any. */
export function parentUnit(units: Unit[], id: string, date: string): Unit | undefined {
  const parentId = unitAt(units, id, date)?.parentId;
  return typeof parentId === 'string' ? unitAt(units, parentId, date) : undefined;
}

/**
 * The place name of the date line ("Huế, ngày …"): the province-level root's name without its title
 * ("Ủy ban nhân dân tỉnh Thừa Thiên Huế" → "Thừa Thiên Huế"); dots when it cannot be told.
 */
export function placeName(units: Unit[], id: string, date: string): string {
  let unit = unitAt(units, id, date);
  for (let hops = 0; unit && typeof unit.parentId === 'string' && hops < 10; hops++)
    unit = unitAt(units, unit.parentId, date) ?? unit;
  if (!unit) return '……………';
  const name = unit.name.replace(/^(Ủy|Uỷ) ban nhân dân\s+/i, '');
  return name.replace(/^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/i, '') || '……………';
}

export interface ApplicantLines {
  name: string;
  address: string;
  phone: string;
  email: string;
  erased: boolean;
  details?: ApplicantDetails;
}

export const addressText = (a: { street?: string; locality?: string; province?: string } | undefined): string =>
  a ? [a.street, a.locality, a.province].filter((s) => s && s.trim()).join(', ') : '';

/** The applicant as the forms print them: revealed details, the erasure mark, or dotted lines to fill by hand. */
export function applicantLines(dossier: { applicant?: DossierView['applicant'] } | undefined): ApplicantLines {
  const applicant = dossier?.applicant;
  if (applicant?.erased !== undefined)
    return { name: ERASED, address: ERASED, phone: ERASED, email: ERASED, erased: true };
  const d = applicant?.details;
  if (!d) return { name: BLANK, address: BLANK, phone: '……………', email: '……………', erased: false };
  return {
    name: d.fullName,
    address: addressText(d.address) || BLANK,
    phone: d.phone || '……………',
    email: d.email || '……………',
    erased: false,
    details: d,
  };
}

/** "03 ngày làm việc", "15 ngày", "8 giờ làm việc", "trả kết quả ngay". */
export function timeLimitText(limit: unknown): string {
  const t = (limit ?? {}) as { unit?: string; amount?: number };
  const amount = t.amount !== undefined ? String(t.amount).padStart(2, '0') : '……';
  switch (t.unit) {
    case 'working_days':
      return `${amount} ngày làm việc`;
    case 'calendar_days':
      return `${amount} ngày`;
    case 'working_hours':
      return `${amount} giờ làm việc`;
    case 'immediate':
      return 'trả kết quả ngay';
    default:
      return '…… ngày';
  }
}

export const eventsOf = (events: HistoryEntry[], type: string): HistoryEntry[] => events.filter((e) => e.type === type);
export const lastOf = (events: HistoryEntry[], type: string): HistoryEntry | undefined => eventsOf(events, type).at(-1);
export const firstOf = (events: HistoryEntry[], type: string): HistoryEntry | undefined =>
  events.find((e) => e.type === type);

export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;
export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

export const localDate = (iso: string): string => localDateOf(iso);

/** Trước hạn / Đúng hạn / Quá hạn of a step ended on `doneOn` against its due date (local dates). */
export function timeliness(doneOn: string | undefined, due: string | null | undefined): string {
  if (!doneOn) return '';
  if (!due) return 'Đúng hạn';
  if (doneOn < due) return 'Trước hạn';
  if (doneOn === due) return 'Đúng hạn';
  return 'Quá hạn';
}

/** The dossier's due date as it stood before the entry at `position` (receipt, supplements, corrections). */
export function dueDateBefore(events: HistoryEntry[], position: number): string | null {
  let due: string | null = null;
  for (const e of events) {
    if (e.position >= position) break;
    if (e.type === 'DossierReceived') due = str(e.data.dueDate) ?? null;
    if (e.type === 'SupplementReceived') due = str(e.data.newDueDate) ?? null;
    if (e.type === 'EntryCorrected') {
      const changes = (e.data.changes ?? {}) as Record<string, unknown>;
      if ('dueDate' in changes) due = str(changes.dueDate) ?? null;
    }
  }
  return due;
}
