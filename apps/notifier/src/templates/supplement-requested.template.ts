import { formatDate } from '@app/domain';
import { type Addressee, type NotificationContent, type RenderedNotification, body, you } from './message';

type SupplementRequested = Extract<NotificationContent, { kind: 'supplement-requested' }>;

/** Request to complete the dossier (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, Mẫu 02): why, and what is missing. */
export function renderSupplementRequested(c: SupplementRequested, to: Addressee): RenderedNotification {
  const missing =
    c.documents.length > 0
      ? ['Giấy tờ cần bổ sung:', ...c.documents.map((d, i) => `${i + 1}. ${d}`)].join('\n')
      : undefined;
  return {
    subject: `Hồ sơ ${c.code} cần bổ sung, hoàn thiện`,
    text: body(
      to,
      [
        `Ngày ${formatDate(c.requestedOn)}, cơ quan giải quyết đề nghị ${you(to).toLowerCase()} bổ sung, hoàn thiện hồ sơ ${c.code}.`,
        `Lý do: ${c.reason}`,
        missing,
        `Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ. ${you(to)} vui lòng nộp bổ sung tại nơi đã nộp hồ sơ.`,
      ].filter((p): p is string => p !== undefined),
    ),
    sms:
      c.documents.length > 0
        ? `Hồ sơ ${c.code} cần bổ sung: ${c.documents.join('; ')}. Lý do: ${c.reason}.`
        : `Hồ sơ ${c.code} cần bổ sung, hoàn thiện. Lý do: ${c.reason}.`,
  };
}
