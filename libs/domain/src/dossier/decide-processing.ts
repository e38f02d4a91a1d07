import { isLocalDate, localDateOf, type Instant } from '../time/local-date';
import type { RecordResult, RescheduleDueDate, TransferDossier } from './commands';
import type { DeciderContext } from './context';
import { accept, reject, type Decision } from './errors';
import { dossierEvent, type DossierEvent } from './events';
import type { ReceivedDossierState } from './state';
import { isBlank } from './validation';

/** The agency's own steps: transfer between units, apology and new appointment, the result. */
export function decideProcessing(
  state: ReceivedDossierState,
  command: TransferDossier | RescheduleDueDate | RecordResult,
  at: Instant,
  context: DeciderContext,
): Decision<DossierEvent> {
  const facts = state.dossier;
  switch (command.type) {
    case 'TransferDossier': {
      if (isBlank(command.toUnitId)) return reject('INVALID_COMMAND', 'Thiếu trường "toUnitId".');
      if (command.toUnitId === facts.currentUnitId) return reject('SAME_UNIT');
      if (command.stepDueDate !== undefined && !isLocalDate(command.stepDueDate)) {
        return reject('INVALID_COMMAND', `Hạn xử lý của bước không hợp lệ: "${String(command.stepDueDate)}".`);
      }
      return accept(
        dossierEvent('DossierTransferred', {
          fromUnitId: facts.currentUnitId,
          toUnitId: command.toUnitId,
          ...(command.stepDueDate !== undefined ? { stepDueDate: command.stepDueDate } : {}),
          ...(!isBlank(command.reason) ? { reason: command.reason?.trim() } : {}),
          occurredAt: at,
        }),
      );
    }
    case 'RescheduleDueDate': {
      if (facts.appointmentDate !== null) return reject('DUE_DATE_ALREADY_RESCHEDULED');
      if (facts.dueDate === null) return reject('NO_DUE_DATE');
      const date = command.newAppointmentDate;
      if (
        !isLocalDate(date) ||
        date <= facts.dueDate ||
        date < localDateOf(at) ||
        !context.calendar.isWorkingDay(date)
      ) {
        return reject(
          'INVALID_APPOINTMENT_DATE',
          `Ngày hẹn trả hiện tại: ${facts.dueDate}; ngày đề nghị: ${String(date)}.`,
        );
      }
      if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'Lý do xin lỗi và hẹn lại ngày trả kết quả.');
      return accept(
        dossierEvent('DueDateRescheduled', { newAppointmentDate: date, reason: command.reason.trim(), occurredAt: at }),
      );
    }
    case 'RecordResult': {
      if (command.outcome !== 'approved' && command.outcome !== 'refused') {
        return reject('INVALID_COMMAND', `Kết quả không hợp lệ: "${String(command.outcome)}".`);
      }
      if (command.outcome === 'refused' && isBlank(command.reason))
        return reject('REASON_REQUIRED', 'Lý do từ chối giải quyết hồ sơ.');
      return accept(
        dossierEvent('ResultRecorded', {
          outcome: command.outcome,
          ...(!isBlank(command.reason) ? { reason: command.reason?.trim() } : {}),
          occurredAt: at,
        }),
      );
    }
  }
}
