/** Why an account command was refused: a stable code (HTTP mapping, clients) and the Vietnamese sentence people read. */
export const ACCOUNT_ERROR_MESSAGES = {
  ACCOUNT_EXISTS: 'Tên đăng nhập này đã có tài khoản.',
  ACCOUNT_NOT_FOUND: 'Không có tài khoản với tên đăng nhập này.',
  INVALID_USERNAME: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.',
  INVALID_DISPLAY_NAME: 'Họ tên hiển thị gồm 1–120 ký tự.',
  INVALID_ROLE: 'Vai trò phải là một trong: clerk, supervisor, director, auditor, admin.',
  UNIT_REQUIRED: 'Vai trò này cần chỉ rõ đơn vị.',
  GRANT_NOT_FOUND: 'Tài khoản không có quyền này.',
  INVALID_VALIDITY: 'Ngày hết hiệu lực phải sau ngày bắt đầu.',
  ALREADY_DISABLED: 'Tài khoản đã bị khoá.',
  NOT_DISABLED: 'Tài khoản đang hoạt động.',
  SERVICE_ACCOUNT_ONLY: 'Chỉ tài khoản dịch vụ (máy) mới được cấp mã truy cập.',
  PERSON_ACCOUNT_ONLY: 'Tài khoản dịch vụ không đăng nhập bằng mật khẩu.',
  TOKEN_NOT_FOUND: 'Không có mã truy cập này.',
  SCOPE_NOT_GRANTED: 'Phạm vi của mã truy cập vượt quá quyền của tài khoản dịch vụ.',
  IDENTITY_ALREADY_LINKED: 'Danh tính đăng nhập một lần này đã gắn với tài khoản.',
  UNKNOWN_UNIT: 'Đơn vị không có trong danh mục đơn vị.',
  WEAK_PASSWORD: 'Mật khẩu không đạt yêu cầu.',
  OWN_ACCESS: 'Không thể tự khoá tài khoản của mình hoặc tự thu hồi quyền của mình; cần một quản trị viên khác.',
} as const;

export type AccountErrorCode = keyof typeof ACCOUNT_ERROR_MESSAGES;

const KINDS: Partial<Record<AccountErrorCode, 'not_found' | 'conflict'>> = {
  ACCOUNT_EXISTS: 'conflict',
  ACCOUNT_NOT_FOUND: 'not_found',
  GRANT_NOT_FOUND: 'not_found',
  TOKEN_NOT_FOUND: 'not_found',
  ALREADY_DISABLED: 'conflict',
  NOT_DISABLED: 'conflict',
  IDENTITY_ALREADY_LINKED: 'conflict',
  OWN_ACCESS: 'conflict',
};

/** A refused account command; `kind` says how the HTTP layer answers it (anything else is invalid input, a 400). */
export class AccountError extends Error {
  readonly kind: 'invalid' | 'not_found' | 'conflict';
  readonly details?: Record<string, unknown>;

  /** `refined`: the precise rule and sentence of an invalid field (a weak password says which rule it breaks). */
  constructor(
    readonly code: AccountErrorCode,
    readonly field?: string,
    refined?: { rule: string; message: string },
  ) {
    super(refined?.message ?? ACCOUNT_ERROR_MESSAGES[code]);
    this.kind = KINDS[code] ?? 'invalid';
    if (field && this.kind === 'invalid')
      this.details = { errors: [{ field, rule: refined?.rule ?? code, message: this.message }] };
  }
}
