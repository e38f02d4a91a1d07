import { CHANNEL_LABELS } from '../lib/labels';
import { RETURN_VIA_CHOICES, OUTCOME_CHOICES } from './choices';

/** How a field of an action's form is entered. */
export type FieldKind = 'text' | 'reason' | 'date' | 'datetime' | 'unit' | 'amount' | 'documents' | 'choice' | 'radio';

export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  choices?: readonly (readonly [value: string, label: string])[];
  /** Where the value goes in the body (`changes.channel`); default the name. */
  path?: string;
  initial?: string;
}

/** One action's form: the desk's own words for it, and its fields (the API's catalogue gives label and path). */
export interface ActionForm {
  label: string;
  path: string;
  /** What the form says before the fields. */
  intro?: string;
  fields: FormField[];
  submit: string;
  /** A stronger button (stops or closes the dossier). */
  danger?: boolean;
}

const reason = (required: boolean, label = 'Lý do'): FormField => ({ name: 'reason', label, kind: 'reason', required });

/**
 * The forms, keyed by the action keys of `allowedActions` (GET /api/v1/dossier-actions). Which actions a dossier
 * offers never comes from here: only the dossier view's allowedActions, which the API derives from the decider.
 */
export const ACTION_FORMS: Record<string, ActionForm> = {
  transfer: {
    label: 'Chuyển xử lý',
    path: 'transfer',
    fields: [
      { name: 'toUnitId', label: 'Chuyển đến đơn vị', kind: 'unit', required: true },
      { name: 'stepDueDate', label: 'Hạn xử lý của bước (nếu có)', kind: 'date' },
      reason(false, 'Nội dung chuyển'),
    ],
    submit: 'Chuyển hồ sơ',
  },
  requestSupplement: {
    label: 'Yêu cầu bổ sung hồ sơ',
    path: 'request-supplement',
    intro: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) sẽ in được sau khi ghi nhận.',
    fields: [
      reason(true, 'Lý do yêu cầu bổ sung'),
      { name: 'documents', label: 'Giấy tờ cần bổ sung (mỗi dòng một loại)', kind: 'documents' },
    ],
    submit: 'Gửi yêu cầu bổ sung',
  },
  receiveSupplement: {
    label: 'Tiếp nhận hồ sơ bổ sung',
    path: 'receive-supplement',
    intro: 'Xác nhận công dân, tổ chức đã nộp đủ giấy tờ bổ sung; ngày hẹn trả được tính lại theo quy định.',
    fields: [],
    submit: 'Xác nhận đã nhận bổ sung',
  },
  requestFinancialObligation: {
    label: 'Thông báo nghĩa vụ tài chính',
    path: 'request-financial-obligation',
    fields: [
      { name: 'amount', label: 'Số tiền (đồng)', kind: 'amount' },
      { name: 'description', label: 'Nội dung (phí, lệ phí, thuế…)', kind: 'reason' },
    ],
    submit: 'Gửi thông báo',
  },
  fulfilFinancialObligation: {
    label: 'Xác nhận hoàn thành nghĩa vụ tài chính',
    path: 'fulfil-financial-obligation',
    fields: [
      { name: 'amount', label: 'Số tiền đã nộp (đồng)', kind: 'amount' },
      { name: 'description', label: 'Nội dung', kind: 'reason' },
    ],
    submit: 'Xác nhận đã nộp',
  },
  reschedule: {
    label: 'Gia hạn, hẹn lại ngày trả kết quả',
    path: 'reschedule',
    intro: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04). Chỉ được hẹn lại một lần.',
    fields: [
      { name: 'newAppointmentDate', label: 'Ngày hẹn trả mới', kind: 'date', required: true },
      reason(true, 'Lý do chậm trả kết quả'),
    ],
    submit: 'Hẹn lại ngày trả',
  },
  recordResult: {
    label: 'Ghi nhận kết quả giải quyết',
    path: 'record-result',
    fields: [
      { name: 'outcome', label: 'Kết quả', kind: 'radio', required: true, choices: OUTCOME_CHOICES },
      reason(false, 'Lý do (bắt buộc khi từ chối)'),
    ],
    submit: 'Ghi nhận kết quả',
  },
  returnResult: {
    label: 'Trả kết quả',
    path: 'return-result',
    fields: [
      {
        name: 'via',
        label: 'Hình thức trả kết quả',
        kind: 'radio',
        required: true,
        choices: RETURN_VIA_CHOICES,
        initial: 'counter',
      },
    ],
    submit: 'Xác nhận đã trả kết quả',
  },
  withdraw: {
    label: 'Rút hồ sơ theo yêu cầu',
    path: 'withdraw',
    fields: [reason(true, 'Lý do rút hồ sơ')],
    submit: 'Ghi nhận rút hồ sơ',
    danger: true,
  },
  stop: {
    label: 'Dừng xử lý hồ sơ',
    path: 'stop',
    fields: [reason(true, 'Lý do dừng xử lý')],
    submit: 'Dừng xử lý',
    danger: true,
  },
  correct: {
    label: 'Điều chỉnh thông tin đã nhập',
    path: 'correct',
    intro: 'Không sửa lịch sử: một mục điều chỉnh mới được ghi lại. Chỉ nhập thông tin cần điều chỉnh.',
    fields: [
      {
        name: 'channel',
        path: 'changes.channel',
        label: 'Kênh tiếp nhận đúng',
        kind: 'choice',
        choices: Object.entries(CHANNEL_LABELS),
      },
      { name: 'receivedAt', path: 'changes.receivedAt', label: 'Thời điểm tiếp nhận đúng', kind: 'datetime' },
      { name: 'competentUnitId', path: 'changes.competentUnitId', label: 'Đơn vị có thẩm quyền đúng', kind: 'unit' },
      reason(true, 'Lý do điều chỉnh'),
    ],
    submit: 'Ghi nhận điều chỉnh',
  },
};
