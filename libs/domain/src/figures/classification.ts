import type { LocalDate } from '../time/local-date';
import type { DossierRecord } from './dossier-record';

/** trước hạn / đúng hạn / trễ hạn (DOMAIN.md § Classification), on local dates. */
export type Resolution = 'early' | 'on_time' | 'late';
/** trong hạn / quá hạn, for a dossier still open at the end of a period. */
export type OpenStatus = 'within_deadline' | 'overdue';

/** Result date < due date → early; = → on time; > → late; no due date (immediate procedures) → on time. */
export function classifyResult(resultOn: LocalDate, dueDate: LocalDate | null): Resolution {
  if (dueDate === null || resultOn === dueDate) return 'on_time';
  return resultOn < dueDate ? 'early' : 'late';
}

/** The resolution of a resolved dossier; a rescheduled appointment never changes it. Throws if there is no result. */
export function classifyResolution(record: Pick<DossierRecord, 'resultOn' | 'dueDate'>): Resolution {
  if (record.resultOn === null) throw new Error('classifyResolution: the dossier has no result.');
  return classifyResult(record.resultOn, record.dueDate);
}

/** Open at the end of a period ending on `to`: due date ≥ to (or none) → within deadline, otherwise overdue. */
export function openStatusAt(record: Pick<DossierRecord, 'dueDate'>, to: LocalDate): OpenStatus {
  return record.dueDate === null || record.dueDate >= to ? 'within_deadline' : 'overdue';
}
