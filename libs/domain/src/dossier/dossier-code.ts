import { isLocalDate, localDateOf, type Instant, type LocalDate } from '../time/local-date';

/**
 * Dossier code (Mã số hồ sơ, Decree 61/2018 Art. 26; Circular 01/2018/TT-VPCP Art. 19):
 * `<receiving unit's electronic code>-<YYMMDD of receipt, local>-<4-digit daily sequence>`,
 * e.g. `000.00.21.H57-200610-0001`. The application keeps the daily sequence; codes are never reused.
 */
export interface DossierCodeParts {
  unitCode: string;
  receivedOn: LocalDate;
  sequence: number;
}

export const MAX_DAILY_SEQUENCE = 9999;
const UNIT_CODE = /^[0-9A-Za-z.]+$/;
const CODE = /^([0-9A-Za-z.]+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

export function formatDossierCode(unitElectronicCode: string, receivedAt: Instant, sequence: number): string {
  if (!UNIT_CODE.test(unitElectronicCode)) {
    throw new RangeError(`Mã định danh điện tử của đơn vị không hợp lệ: "${unitElectronicCode}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`Số thứ tự hồ sơ trong ngày phải từ 1 đến ${MAX_DAILY_SEQUENCE}: ${sequence}`);
  }
  const date = localDateOf(receivedAt);
  const yymmdd = date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
  return `${unitElectronicCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/** The parts of a dossier code, or null when it is not one (years read as 20YY). */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const match = CODE.exec(code);
  if (!match) return null;
  const [, unitCode, yy, mm, dd, seq] = match;
  const receivedOn = `20${yy}-${mm}-${dd}`;
  const sequence = Number(seq);
  if (!unitCode || !isLocalDate(receivedOn) || sequence < 1) return null;
  return { unitCode, receivedOn, sequence };
}
