import { formatDate, formatWeekdayDate } from '@app/domain';
import { type Addressee, type NotificationContent, type RenderedNotification, body, you } from './message';

type Rescheduled = Extract<NotificationContent, { kind: 'rescheduled' }>;

/** Apology and a new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04). */
export function renderRescheduled(c: Rescheduled, to: Addressee): RenderedNotification {
  const late = c.previousDueDate
    ? `Hồ sơ ${c.code} chưa được giải quyết xong đúng hẹn ngày ${formatDate(c.previousDueDate)}.`
    : `Hồ sơ ${c.code} chưa được giải quyết xong như đã hẹn.`;
  return {
    subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${c.code}`,
    text: body(to, [
      `${late} Cơ quan giải quyết thành thật xin lỗi ${you(to).toLowerCase()} vì sự chậm trễ này.`,
      `Lý do: ${c.reason}`,
      `Ngày hẹn trả kết quả mới: ${formatWeekdayDate(c.newAppointmentDate)}.`,
    ]),
    sms: `Xin lỗi ${you(to).toLowerCase()}: hồ sơ ${c.code} chậm trả kết quả. Hẹn lại ngày ${formatDate(c.newAppointmentDate)}.`,
  };
}
