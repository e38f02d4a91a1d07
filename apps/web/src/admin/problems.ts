import { ApiError, type FieldProblem } from '../api/client';

/** The server's refusal in words a Vietnamese administrator reads: a sentence for the form and one per field. */
export interface Problems {
  message?: string;
  fields: Record<string, string>;
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
export const isVietnamese = (text: string): boolean => VIETNAMESE.test(text);

/** `grants.0.role` (class-validator) and `grants[0].role` (the services) name the same field. */
export const normaliseField = (field: string): string => field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

const BY_FIELD: Record<string, string> = {
  username: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.',
  displayName: 'Họ tên hiển thị gồm 1–120 ký tự.',
  validFrom: 'Ngày không hợp lệ.',
  validUntil: 'Ngày không hợp lệ.',
  effectiveOn: 'Ngày không hợp lệ.',
  reason: 'Cần ghi lý do (tối đa 500 ký tự).',
  role: 'Chọn một vai trò.',
  unitId: 'Chọn một đơn vị.',
};

const BY_RULE: Record<string, string> = {
  isNotEmpty: 'Bắt buộc, đang để trống.',
  maxLength: 'Quá dài.',
  isIn: 'Giá trị không hợp lệ.',
  matches: 'Không đúng định dạng.',
  isString: 'Bắt buộc, đang để trống.',
  unknown_field: 'Trường này không được chấp nhận.',
};

/** The parser's "Bản ghi 1, trường "name": bắt buộc…" shown beside the field as "Bắt buộc…". */
function besideField(message: string): string {
  const stripped = message.replace(/^(Bản ghi|Dòng) \d+, trường "[^"]*": /, '');
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

export function fieldMessage(problem: FieldProblem): string {
  if (problem.message && isVietnamese(problem.message)) return besideField(problem.message);
  const last =
    normaliseField(problem.field)
      .split(/[.[\]]+/)
      .filter(Boolean)
      .pop() ?? '';
  return BY_FIELD[last] ?? BY_RULE[problem.rule] ?? 'Giá trị không hợp lệ.';
}

export function problemsOf(error: unknown, fallback: string): Problems {
  if (!(error instanceof ApiError)) return { message: fallback, fields: {} };
  const fields: Record<string, string> = {};
  for (const problem of error.fields) {
    const field = normaliseField(problem.field);
    fields[field] ??= fieldMessage(problem);
  }
  const message = isVietnamese(error.message)
    ? error.message
    : error.fields.length > 0
      ? 'Thông tin chưa hợp lệ: xem các trường được đánh dấu.'
      : fallback;
  return { message, fields };
}
