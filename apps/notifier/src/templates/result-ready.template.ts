import { type Addressee, type NotificationContent, type RenderedNotification, body, you } from './message';

type ResultReady = Extract<NotificationContent, { kind: 'result-ready' }>;

/** The result is ready: handed back at the counter, or sent by post when the applicant asked for it. */
export function renderResultReady(c: ResultReady, to: Addressee): RenderedNotification {
  const what =
    c.outcome === 'approved'
      ? `Hồ sơ ${c.code} đã được giải quyết xong.`
      : `Hồ sơ ${c.code} đã có văn bản trả lời của cơ quan giải quyết (hồ sơ không được chấp thuận; lý do được nêu trong văn bản).`;
  const how = to.returnByPost
    ? `Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ ${you(to).toLowerCase()} đã đăng ký.`
    : `Mời ${you(to).toLowerCase()} đến Bộ phận Tiếp nhận và Trả kết quả, nơi đã nộp hồ sơ, để nhận kết quả; khi đến, vui lòng mang theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân.`;
  return {
    subject: `Hồ sơ ${c.code} đã có kết quả`,
    text: body(to, [what, how]),
    sms: to.returnByPost
      ? `Hồ sơ ${c.code} đã có kết quả, sẽ được gửi qua bưu điện đến địa chỉ đã đăng ký.`
      : `Hồ sơ ${c.code} đã có kết quả. Mời nhận tại Bộ phận Tiếp nhận và Trả kết quả.`,
  };
}
