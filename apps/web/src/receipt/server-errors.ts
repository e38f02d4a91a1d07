import { ApiError } from '../api/client';
import type { FieldErrors } from './receipt-rules';

/** True when a sentence is Vietnamese (has a letter only Vietnamese writes): the server's own English stays hidden. */
const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
export const isVietnamese = (s: string | undefined): s is string => !!s && VIETNAMESE.test(s);

/** Vietnamese sentences for the DTO's own rules, whose messages are written in English. */
const RULE_MESSAGES: Record<string, string> = {
  isNotEmpty: 'Trường này là bắt buộc.',
  isString: 'Giá trị không hợp lệ.',
  maxLength: 'Nội dung quá dài.',
  isIn: 'Giá trị không nằm trong danh sách cho phép.',
  matches: 'Sai định dạng.',
  unknown_field: 'Trường không được máy chủ chấp nhận.',
};

/** The server's 400: each problem on its field (in Vietnamese), and those the form has no field for. */
export function serverFieldErrors(
  error: ApiError,
  known: (field: string) => boolean,
): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const problem of error.fields) {
    const message = isVietnamese(problem.message)
      ? problem.message
      : (RULE_MESSAGES[problem.rule] ?? 'Giá trị không hợp lệ.');
    if (known(problem.field)) fields[problem.field] ??= message;
    else other.push(message);
  }
  return { fields, other };
}

/** What the desk says of a failed request: the server's Vietnamese sentence, or one of ours. */
export function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Đã có lỗi không mong muốn. Thao tác chưa được ghi nhận; vui lòng thử lại.';
  if (error.code === 'IDEMPOTENCY_KEY_REUSED')
    return (
      'Lần lưu trước (bị gián đoạn) đã được ghi nhận với nội dung khác nội dung hiện tại. ' +
      'Bấm «Thử lại» để xem hồ sơ đã ghi, rồi đính chính nếu cần.'
    );
  if (isVietnamese(error.message)) return error.message;
  if (error.status === 0) return 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.';
  if (error.status === 400) return 'Hồ sơ chưa ghi được: có thông tin không hợp lệ.';
  if (error.status === 401) return 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.';
  if (error.status === 403) return 'Tài khoản không có quyền tiếp nhận hồ sơ tại đơn vị này.';
  if (error.status >= 500) return 'Máy chủ gặp sự cố. Thao tác chưa được ghi nhận; vui lòng thử lại.';
  return 'Yêu cầu không thực hiện được.';
}

/** A failure after which the same request may simply be sent again (the same Idempotency-Key records it once). */
export const isRetryable = (error: unknown): boolean =>
  error instanceof ApiError &&
  (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504 || error.status === 500);
