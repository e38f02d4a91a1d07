import type { HistoryEntry } from '../api/types';
import { channelLabel } from '../lib/labels';
import { formatDate, formatInstant, formatNumber } from '../lib/time';

/** What each event of a dossier's stream is called at the counter. */
export const EVENT_LABELS: Record<string, string> = {
  DossierReceived: 'Tiếp nhận hồ sơ',
  ReceiptRefused: 'Từ chối tiếp nhận hồ sơ',
  DossierTransferred: 'Chuyển xử lý',
  SupplementRequested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  SupplementReceived: 'Tiếp nhận hồ sơ bổ sung',
  FinancialObligationRequested: 'Thông báo nghĩa vụ tài chính',
  FinancialObligationFulfilled: 'Hoàn thành nghĩa vụ tài chính',
  DueDateRescheduled: 'Xin lỗi và hẹn lại ngày trả kết quả',
  ResultRecorded: 'Có kết quả giải quyết',
  ResultReturned: 'Trả kết quả',
  DossierWithdrawn: 'Rút hồ sơ theo yêu cầu',
  ProcessingStopped: 'Dừng xử lý hồ sơ',
  EntryCorrected: 'Điều chỉnh thông tin đã nhập',
};

export const eventLabel = (type: string): string => EVENT_LABELS[type] ?? 'Sự kiện khác';

const OUTCOMES: Record<string, string> = { approved: 'Giải quyết (chấp thuận)', refused: 'Từ chối giải quyết' };
const RETURN_VIA: Record<string, string> = {
  counter: 'Trực tiếp tại Bộ phận Một cửa',
  postal: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
};
const TIME_UNITS: Record<string, string> = {
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  hours: 'giờ',
  months: 'tháng',
};

export const outcomeLabel = (outcome: string): string => OUTCOMES[outcome] ?? outcome;
export const returnViaLabel = (via: string): string => RETURN_VIA[via] ?? via;

/** A time limit as the legal texts say it: "3 ngày làm việc", "Trả ngay". */
export function timeLimitText(limit: unknown): string {
  const l = limit as { unit?: string; amount?: number } | undefined;
  if (!l?.unit) return '—';
  if (l.unit === 'immediate') return 'Trả ngay';
  return `${l.amount ?? ''} ${TIME_UNITS[l.unit] ?? l.unit}`.trim();
}

/** The names the details use for units and procedures. */
export interface Namer {
  unit(id: string): string;
  procedure(code: string): string;
}

/** One line of an event's details: what and its value. */
export type Detail = [term: string, value: string];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The fields a correction may change, with their Vietnamese names and how to show a value. */
export const CORRECTION_FIELDS: Record<string, { label: string; show(value: unknown, names: Namer): string }> = {
  receivedAt: { label: 'Thời điểm tiếp nhận', show: (v) => formatInstant(str(v)) },
  channel: { label: 'Kênh tiếp nhận', show: (v) => channelLabel(String(v)) },
  receivingUnitId: { label: 'Đơn vị tiếp nhận', show: (v, n) => n.unit(String(v)) },
  competentUnitId: { label: 'Đơn vị có thẩm quyền', show: (v, n) => n.unit(String(v)) },
  procedureCode: { label: 'Thủ tục', show: (v, n) => `${n.procedure(String(v))} (${String(v)})` },
  resultAt: { label: 'Thời điểm có kết quả', show: (v) => formatInstant(str(v)) },
  dueDate: { label: 'Ngày hẹn trả', show: (v) => (v ? formatDate(String(v)) : 'Trả ngay') },
  timeLimit: { label: 'Thời hạn giải quyết', show: (v) => timeLimitText(v) },
  applicant: { label: 'Thông tin người nộp', show: () => 'đã điều chỉnh (được mã hoá)' },
};

/** The details of an event in words: reasons, documents, amounts, units by name, dates in local form. */
export function eventDetails(entry: HistoryEntry, names: Namer): Detail[] {
  const d = entry.data;
  const details: Detail[] = [];
  const add = (term: string, value: string | undefined) => {
    if (value !== undefined && value !== '') details.push([term, value]);
  };
  switch (entry.type) {
    case 'DossierReceived':
      add(
        'Thủ tục',
        str(d.procedureCode) && `${names.procedure(String(d.procedureCode))} (${String(d.procedureCode)})`,
      );
      add('Đơn vị tiếp nhận', str(d.receivingUnitId) && names.unit(String(d.receivingUnitId)));
      if (d.competentUnitId !== d.receivingUnitId)
        add('Đơn vị có thẩm quyền', str(d.competentUnitId) && names.unit(String(d.competentUnitId)));
      add('Kênh tiếp nhận', str(d.channel) && channelLabel(String(d.channel)));
      add('Thời hạn giải quyết', timeLimitText(d.timeLimit));
      add('Ngày hẹn trả', d.dueDate ? formatDate(String(d.dueDate)) : 'Trả ngay');
      add('Số tham chiếu của quầy', str(d.applicantReference));
      break;
    case 'ReceiptRefused':
      add('Lý do', str(d.reason));
      break;
    case 'DossierTransferred':
      add('Từ đơn vị', str(d.fromUnitId) && names.unit(String(d.fromUnitId)));
      add('Đến đơn vị', str(d.toUnitId) && names.unit(String(d.toUnitId)));
      add('Hạn của bước', str(d.stepDueDate) && formatDate(String(d.stepDueDate)));
      add('Lý do', str(d.reason));
      break;
    case 'SupplementRequested':
      add('Lý do', str(d.reason));
      if (Array.isArray(d.documents) && d.documents.length > 0)
        add('Giấy tờ cần bổ sung', (d.documents as unknown[]).map(String).join('; '));
      break;
    case 'SupplementReceived':
      add('Ngày hẹn trả mới', d.newDueDate ? formatDate(String(d.newDueDate)) : undefined);
      break;
    case 'FinancialObligationRequested':
    case 'FinancialObligationFulfilled':
      add('Số tiền', typeof d.amount === 'number' ? `${formatNumber(d.amount)} đồng` : undefined);
      add('Nội dung', str(d.description));
      break;
    case 'DueDateRescheduled':
      add('Ngày hẹn trả mới', str(d.newAppointmentDate) && formatDate(String(d.newAppointmentDate)));
      add('Lý do', str(d.reason));
      break;
    case 'ResultRecorded':
      add('Kết quả', str(d.outcome) && outcomeLabel(String(d.outcome)));
      add('Lý do', str(d.reason));
      break;
    case 'ResultReturned':
      add('Hình thức trả', str(d.via) && returnViaLabel(String(d.via)));
      break;
    case 'DossierWithdrawn':
    case 'ProcessingStopped':
    case 'EntryCorrected':
      add('Lý do', str(d.reason));
      break;
  }
  return details;
}
