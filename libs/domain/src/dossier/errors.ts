/**
 * Why a command was rejected. The code is stable English (clients, logs, HTTP mapping); the message is the
 * Vietnamese sentence a counter clerk reads.
 */
export const DOSSIER_ERROR_MESSAGES = {
  DOSSIER_ALREADY_EXISTS: 'Hồ sơ này đã được tiếp nhận hoặc đã bị từ chối tiếp nhận trước đó.',
  DOSSIER_NOT_FOUND: 'Chưa có hồ sơ nào được tiếp nhận với mã này.',
  RECEIPT_REFUSED: 'Hồ sơ đã bị từ chối tiếp nhận nên không thể xử lý tiếp.',
  DOSSIER_ALREADY_RESOLVED: 'Hồ sơ đã có kết quả giải quyết, không thể thực hiện thao tác này.',
  DOSSIER_WITHDRAWN: 'Hồ sơ đã được công dân, tổ chức rút, không thể thực hiện thao tác này.',
  PROCESSING_STOPPED: 'Hồ sơ đã bị dừng xử lý, không thể thực hiện thao tác này.',
  DOSSIER_AWAITING_SUPPLEMENT: 'Hồ sơ đang chờ bổ sung, hoàn thiện; cần tiếp nhận hồ sơ bổ sung trước.',
  DOSSIER_AWAITING_FINANCIAL_OBLIGATION:
    'Hồ sơ đang chờ thực hiện nghĩa vụ tài chính; cần ghi nhận việc hoàn thành trước.',
  SUPPLEMENT_ALREADY_REQUESTED: 'Hồ sơ đã có yêu cầu bổ sung đang chờ; không yêu cầu bổ sung thêm lần nữa.',
  NO_SUPPLEMENT_REQUESTED: 'Hồ sơ không có yêu cầu bổ sung nào đang chờ.',
  FINANCIAL_OBLIGATION_ALREADY_REQUESTED: 'Hồ sơ đã có thông báo nghĩa vụ tài chính đang chờ thực hiện.',
  NO_FINANCIAL_OBLIGATION_REQUESTED: 'Hồ sơ không có nghĩa vụ tài chính nào đang chờ thực hiện.',
  DUE_DATE_ALREADY_RESCHEDULED:
    'Hồ sơ đã được hẹn lại ngày trả kết quả một lần; pháp luật chỉ cho phép gia hạn một lần.',
  NO_DUE_DATE: 'Thủ tục trả kết quả ngay, hồ sơ không có ngày hẹn trả để gia hạn.',
  INVALID_APPOINTMENT_DATE: 'Ngày hẹn trả mới phải là ngày làm việc sau ngày hẹn trả hiện tại.',
  RESULT_NOT_RECORDED: 'Hồ sơ chưa có kết quả giải quyết.',
  RESULT_ALREADY_RETURNED: 'Kết quả giải quyết đã được trả cho công dân, tổ chức.',
  REASON_REQUIRED: 'Cần ghi rõ lý do.',
  SAME_UNIT: 'Hồ sơ đang ở chính đơn vị này; hãy chọn đơn vị nhận khác.',
  PROCEDURE_NOT_IN_FORCE: 'Thủ tục hành chính không còn (hoặc chưa) có hiệu lực vào ngày tiếp nhận.',
  INVALID_DOSSIER_CODE: 'Mã số hồ sơ không đúng định dạng <mã đơn vị>-<YYMMDD ngày tiếp nhận>-<số thứ tự 4 chữ số>.',
  CALENDAR_NOT_COVERED:
    'Chưa có lịch ngày làm việc được công bố cho thời điểm này; cần quản trị viên bổ sung lịch năm trước khi tính ngày hẹn trả.',
  INVALID_COMMAND: 'Thiếu hoặc sai thông tin bắt buộc.',
  INVALID_TIME: 'Thời điểm không hợp lệ.',
  TIME_BEFORE_LAST_EVENT: 'Thời điểm ghi nhận sớm hơn thao tác gần nhất của hồ sơ; không thể ghi lùi thời gian.',
  NOTHING_TO_CORRECT: 'Không có nội dung nào cần điều chỉnh.',
  INVALID_CORRECTION: 'Nội dung điều chỉnh không hợp lệ.',
} as const;

export type DossierErrorCode = keyof typeof DOSSIER_ERROR_MESSAGES;

export interface DossierError {
  code: DossierErrorCode;
  /** Vietnamese, for the clerk. */
  message: string;
}

export function dossierError(code: DossierErrorCode, detail?: string): DossierError {
  const base = DOSSIER_ERROR_MESSAGES[code];
  return { code, message: detail ? `${base} ${detail}` : base };
}

/** What `decide` returns: the events to append, or why nothing is appended. */
export type Decision<E> = { ok: true; events: E[] } | { ok: false; error: DossierError };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });
export const reject = <E>(code: DossierErrorCode, detail?: string): Decision<E> => ({
  ok: false,
  error: dossierError(code, detail),
});

/**
 * What kind of refusal a rejection is, for whoever answers the caller: the dossier does not exist, the command
 * itself is malformed, or it conflicts with the dossier's state (the rest).
 */
export type RejectionKind = 'not_found' | 'invalid' | 'conflict';

const NOT_FOUND: ReadonlySet<DossierErrorCode> = new Set(['DOSSIER_NOT_FOUND']);
const INVALID: ReadonlySet<DossierErrorCode> = new Set([
  'INVALID_TIME',
  'INVALID_COMMAND',
  'REASON_REQUIRED',
  'INVALID_DOSSIER_CODE',
]);

export function rejectionKind(code: DossierErrorCode): RejectionKind {
  return NOT_FOUND.has(code) ? 'not_found' : INVALID.has(code) ? 'invalid' : 'conflict';
}

/** A rejection as an exception (decideOrThrow): its code, its kind, the clerk's sentence. */
export class DossierRejected extends Error {
  readonly code: DossierErrorCode;
  readonly kind: RejectionKind;
  constructor(readonly error: DossierError) {
    super(error.message);
    this.name = 'DossierRejected';
    this.code = error.code;
    this.kind = rejectionKind(error.code);
  }
}
