import { isLocalDate, type LocalDate } from '../time/local-date';
import { describeValue } from '../text/describe-value';
import { unstorableTextProblem } from '../text/storable-text';
import { ReferenceDataError } from './reference-error';

/**
 * Reads the fields of one reference record (a JSON object or a CSV row) and throws a ReferenceDataError naming
 * the row and the field when one is missing or wrong.
 */
export interface FieldReader {
  string(field: string): string;
  optionalString(field: string): string | undefined;
  nullableString(field: string): string | null;
  localDate(field: string): LocalDate;
  nullableLocalDate(field: string): LocalDate | null;
  boolean(field: string): boolean;
  raw(field: string): unknown;
  fail(field: string, problem: string): never;
}

const TRUE = ['true', '1', 'yes', 'x', 'có', 'co'];
const FALSE = ['false', '0', 'no', '', 'không', 'khong'];

/** `where` is how the record is named in messages: "Dòng 4" (CSV) or "Bản ghi 2" (JSON). */
export function fieldReader(record: Record<string, unknown>, row: number, where: string): FieldReader {
  const fail = (field: string, problem: string): never => {
    throw new ReferenceDataError('INVALID_FIELD', `${where}, trường "${field}": ${problem}`, row, field);
  };
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  const text = (field: string): string | undefined => {
    const value = record[field];
    if (blank(value)) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      return fail(field, `phải là chuỗi ký tự, nhận được ${describeValue(value)}.`);
    const result = String(value).trim();
    const problem = unstorableTextProblem(result);
    return problem === undefined ? result : fail(field, problem);
  };
  const date = (field: string): LocalDate | null => {
    const value = text(field);
    if (value === undefined) return null;
    return isLocalDate(value) ? value : fail(field, `ngày không hợp lệ "${value}" (định dạng YYYY-MM-DD).`);
  };
  return {
    string: (field) => text(field) ?? fail(field, 'bắt buộc, đang để trống.'),
    optionalString: text,
    nullableString: (field) => text(field) ?? null,
    localDate: (field) => date(field) ?? fail(field, 'bắt buộc, đang để trống (định dạng YYYY-MM-DD).'),
    nullableLocalDate: date,
    boolean: (field) => {
      const value = record[field];
      if (typeof value === 'boolean') return value;
      const normalised = blank(value)
        ? ''
        : typeof value === 'string' || typeof value === 'number'
          ? String(value).trim().toLowerCase()
          : '?';
      if (TRUE.includes(normalised)) return true;
      if (FALSE.includes(normalised)) return false;
      return fail(field, `giá trị đúng/sai không hợp lệ ${describeValue(value)} (true/false).`);
    },
    raw: (field) => record[field],
    fail,
  };
}
