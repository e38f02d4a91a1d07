/** The forms of Circular 01/2018/TT-VPCP the desk prints, and which of them apply to a dossier as it stands. */
import type { DossierView, HistoryEntry } from '../api/types';

export type FormNumber = '01' | '02' | '03' | '04' | '05';

export const FORM_TITLES: Record<FormNumber, string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

/** The titles as printed for a dossier: its Mẫu 03 is the refusal of its result, after appraisal. */
export const DOSSIER_FORM_TITLES: Record<FormNumber, string> = {
  ...FORM_TITLES,
  '03': 'Phiếu từ chối giải quyết hồ sơ',
};

export const isFormNumber = (form: string): form is FormNumber => Object.hasOwn(FORM_TITLES, form);

export const printPath = (dossierId: string, form: FormNumber): string =>
  `/dossiers/${encodeURIComponent(dossierId)}/print/${form}`;

/**
 * The forms that have something to print for this dossier:
 * 01 for every received dossier; 02 once a supplement was requested (the last request); 03 once the result is a
 * refusal (Phiếu từ chối giải quyết hồ sơ, Decree 61 Art. 19(8); a refusal at receipt has no dossier and is printed
 * from the receipt screen, see refusal-slip.ts); 04 once the appointment was rescheduled; 05 always.
 */
export function applicableForms(
  dossier: Pick<DossierView, 'outcome'>,
  history: Pick<HistoryEntry, 'type'>[] = [],
): FormNumber[] {
  const has = (type: string) => history.some((e) => e.type === type);
  const forms: FormNumber[] = ['01'];
  if (has('SupplementRequested')) forms.push('02');
  if (dossier.outcome === 'refused') forms.push('03');
  if (has('DueDateRescheduled')) forms.push('04');
  forms.push('05');
  return forms;
}
