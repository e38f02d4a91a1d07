/** Why a filing was refused: a stable code and the Vietnamese sentence people read. */
export const FILING_ERROR_MESSAGES = {
  FILING_EXISTS: 'Báo cáo với mã này đã được nộp.',
  INVALID_PERIOD: 'Kỳ báo cáo không hợp lệ: ngày bắt đầu sau ngày kết thúc.',
  EMPTY_SCOPE: 'Phạm vi báo cáo không có đơn vị nào có hiệu lực trong kỳ.',
  INVALID_TITLE: 'Tiêu đề báo cáo gồm 1–200 ký tự.',
  INVALID_HASH: 'Mã băm của dữ liệu đầu vào phải là SHA-256 (64 ký tự hệ mười sáu).',
  INVALID_POSITION: 'Vị trí trong nhật ký sự kiện không hợp lệ.',
  FILING_NOT_FOUND: 'Không có báo cáo đã nộp với mã này.',
} as const;

export type FilingErrorCode = keyof typeof FILING_ERROR_MESSAGES;

const KINDS: Partial<Record<FilingErrorCode, 'not_found' | 'conflict'>> = {
  FILING_EXISTS: 'conflict',
  FILING_NOT_FOUND: 'not_found',
};

/** A refused filing command; `kind` says how the HTTP layer answers (anything else is invalid input, a 400). */
export class FilingError extends Error {
  readonly kind: 'invalid' | 'not_found' | 'conflict';
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: FilingErrorCode,
    readonly field?: string,
  ) {
    super(FILING_ERROR_MESSAGES[code]);
    this.name = 'FilingError';
    this.kind = KINDS[code] ?? 'invalid';
    if (field && this.kind === 'invalid') this.details = { errors: [{ field, rule: code, message: this.message }] };
  }
}
