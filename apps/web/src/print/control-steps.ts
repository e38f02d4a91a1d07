/**
 * The rows of Mẫu 05 (Phiếu kiểm soát quá trình giải quyết hồ sơ) from a dossier's history: every handover
 * (receipt, transfer), supplement, financial obligation, reschedule, result and hand-back, with the unit that
 * gave and the unit that received it, when, the step's due date, how the step ended against it, and remarks.
 */
import type { HistoryEntry } from '../api/types';
import { CHANNEL_LABELS } from '../lib/labels';
import { localDate, str, strings, timeliness } from './print-data';

export interface ControlStep {
  position: number;
  /** What happened, in the form's words. */
  action: string;
  fromUnitId: string | null;
  toUnitId: string | null;
  at: string;
  /** Who recorded it (display name at the time). */
  by: string | null;
  due: string | null;
  /** Trước hạn / Đúng hạn / Quá hạn, when the step is finished and can be judged. */
  result: string;
  remarks: string;
}

const RETURN_VIA: Record<string, string> = {
  counter: 'tại Bộ phận Một cửa',
  postal: 'qua dịch vụ bưu chính công ích',
  online: 'trực tuyến',
};

/** The steps, oldest first; `dueDate` is the dossier's current due date (what the result is judged against). */
export function controlSteps(events: HistoryEntry[], dueDate: string | null): ControlStep[] {
  const steps: ControlStep[] = [];
  let currentUnit: string | null = null;
  /** The open handover: its row, waiting for the next move out of the unit to be judged. */
  let openStep: ControlStep | undefined;
  const closeOpen = (at: string) => {
    if (openStep && openStep.due) openStep.result = timeliness(localDate(at), openStep.due);
    openStep = undefined;
  };
  for (const e of events) {
    const d = e.data;
    const base = { position: e.position, at: e.occurredAt, by: e.actorName, due: null, result: '', remarks: '' };
    switch (e.type) {
      case 'DossierReceived': {
        currentUnit = str(d.receivingUnitId) ?? null;
        const channel = str(d.channel);
        steps.push({
          ...base,
          action: 'Tiếp nhận hồ sơ',
          fromUnitId: null,
          toUnitId: currentUnit,
          due: str(d.dueDate) ?? null,
          remarks: channel ? (CHANNEL_LABELS[channel] ?? channel) : '',
        });
        break;
      }
      case 'DossierTransferred': {
        closeOpen(e.occurredAt);
        const step: ControlStep = {
          ...base,
          action: 'Giao, nhận hồ sơ',
          fromUnitId: str(d.fromUnitId) ?? currentUnit,
          toUnitId: str(d.toUnitId) ?? null,
          due: str(d.stepDueDate) ?? null,
          remarks: str(d.reason) ?? '',
        };
        steps.push(step);
        openStep = step;
        currentUnit = step.toUnitId;
        break;
      }
      case 'SupplementRequested': {
        const documents = strings(d.documents);
        steps.push({
          ...base,
          action: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
          fromUnitId: currentUnit,
          toUnitId: null,
          remarks: [str(d.reason), documents.length ? `Cần bổ sung: ${documents.join('; ')}` : '']
            .filter(Boolean)
            .join('. '),
        });
        break;
      }
      case 'SupplementReceived':
        steps.push({
          ...base,
          action: 'Nhận hồ sơ bổ sung',
          fromUnitId: null,
          toUnitId: currentUnit,
          due: str(d.newDueDate) ?? null,
          remarks: str(d.newDueDate) ? 'Hạn giải quyết được tính lại' : '',
        });
        break;
      case 'FinancialObligationRequested':
      case 'FinancialObligationFulfilled': {
        const amount = typeof d.amount === 'number' ? `${new Intl.NumberFormat('vi-VN').format(d.amount)} đồng` : '';
        steps.push({
          ...base,
          action:
            e.type === 'FinancialObligationRequested'
              ? 'Thông báo thực hiện nghĩa vụ tài chính'
              : 'Hoàn thành nghĩa vụ tài chính',
          fromUnitId: currentUnit,
          toUnitId: null,
          remarks: [str(d.description), amount].filter(Boolean).join(': '),
        });
        break;
      }
      case 'DueDateRescheduled':
        steps.push({
          ...base,
          action: 'Xin lỗi và hẹn lại ngày trả kết quả',
          fromUnitId: currentUnit,
          toUnitId: null,
          due: str(d.newAppointmentDate) ?? null,
          remarks: str(d.reason) ?? '',
        });
        break;
      case 'ResultRecorded': {
        closeOpen(e.occurredAt);
        const refused = d.outcome === 'refused';
        steps.push({
          ...base,
          action: refused ? 'Có kết quả: từ chối giải quyết' : 'Có kết quả giải quyết',
          fromUnitId: currentUnit,
          toUnitId: null,
          due: dueDate,
          result: timeliness(localDate(e.occurredAt), dueDate),
          remarks: str(d.reason) ?? '',
        });
        break;
      }
      case 'ResultReturned': {
        const via = str(d.via);
        steps.push({
          ...base,
          action: 'Trả kết quả cho tổ chức, cá nhân',
          fromUnitId: currentUnit,
          toUnitId: null,
          remarks: via ? `Trả ${RETURN_VIA[via] ?? via}` : '',
        });
        break;
      }
      case 'DossierWithdrawn':
      case 'ProcessingStopped':
        closeOpen(e.occurredAt);
        steps.push({
          ...base,
          action: e.type === 'DossierWithdrawn' ? 'Rút hồ sơ' : 'Dừng giải quyết hồ sơ',
          fromUnitId: currentUnit,
          toUnitId: null,
          remarks: str(d.reason) ?? '',
        });
        break;
      case 'EntryCorrected':
        steps.push({
          ...base,
          action: 'Đính chính thông tin',
          fromUnitId: e.unit,
          toUnitId: null,
          remarks: str(d.reason) ?? '',
        });
        break;
      default:
        break;
    }
  }
  return steps;
}
