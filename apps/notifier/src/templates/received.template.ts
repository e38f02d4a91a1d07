import { formatDate, formatWeekdayDate } from '@app/domain';
import { type Addressee, type NotificationContent, type RenderedNotification, body, you } from './message';

type Received = Extract<NotificationContent, { kind: 'received' }>;

/** Receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01): the code to look the dossier up, the appointment. */
export function renderReceived(c: Received, to: Addressee): RenderedNotification {
  const appointment = c.dueDate
    ? `Ngày hẹn trả kết quả: ${formatWeekdayDate(c.dueDate)}.`
    : 'Thủ tục này được giải quyết ngay, không có ngày hẹn trả kết quả.';
  return {
    subject: `Hồ sơ ${c.code} đã được tiếp nhận`,
    text: body(to, [
      `Hồ sơ của ${you(to).toLowerCase()} đã được tiếp nhận ngày ${formatDate(c.receivedOn)}.`,
      [`Mã hồ sơ: ${c.code}`, `Thủ tục: ${c.procedureCode}`, appointment].join('\n'),
      `${you(to)} dùng mã hồ sơ trên để tra cứu tình trạng giải quyết hồ sơ.`,
    ]),
    sms: c.dueDate
      ? `Hồ sơ ${c.code} đã được tiếp nhận ngày ${formatDate(c.receivedOn)}. Hẹn trả kết quả ngày ${formatDate(c.dueDate)}.`
      : `Hồ sơ ${c.code} đã được tiếp nhận ngày ${formatDate(c.receivedOn)}.`,
  };
}
