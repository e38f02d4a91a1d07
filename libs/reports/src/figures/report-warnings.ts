import { type Period, type UnitRegistry, formatDate } from '@app/domain';
import type { ReportScope } from './report-scope';

/** Figures that are right but easy to misread (all zeros for a reason): said, never left silent. */
export interface ReportWarning {
  code: 'BEFORE_FIRST_EVENT' | 'NOTHING_KNOWN_YET' | 'NO_UNIT_IN_FORCE';
  /** In Vietnamese, for the reader of the report. */
  message: string;
}

/** No unit of the scope is in force on any day of the period (a unit closed before, or opened after it). */
export function scopeWarnings(scope: ReportScope, registry: UnitRegistry, period: Period): ReportWarning[] {
  const inForce = scope.units.some((unit) =>
    registry.units.some(
      (u) => u.id === unit.id && u.validFrom <= period.to && (u.validTo === null || u.validTo > period.from),
    ),
  );
  if (inForce) return [];
  return [
    {
      code: 'NO_UNIT_IN_FORCE',
      message: `Không có đơn vị nào trong phạm vi báo cáo có hiệu lực trong kỳ từ ngày ${formatDate(period.from)} đến ngày ${formatDate(period.to)}: mọi số liệu bằng 0.`,
    },
  ];
}

/** "As known at" an instant before the log's first event, or a position where nothing was recorded yet. */
export function knownAtWarnings(
  asKnownAt: { instant?: Date; firstRecordedAt: Date | null; label: string },
  eventsReplayed: number,
): ReportWarning[] {
  const { instant, firstRecordedAt, label } = asKnownAt;
  if (instant && (firstRecordedAt === null || instant < firstRecordedAt)) {
    const first = firstRecordedAt
      ? `sự kiện đầu tiên được ghi nhận lúc ${firstRecordedAt.toISOString()}`
      : 'nhật ký sự kiện còn trống';
    return [
      {
        code: 'BEFORE_FIRST_EVENT',
        message:
          `Thời điểm ${label} trước khi hệ thống ghi nhận sự kiện nào (${first}): mọi số liệu bằng 0. ` +
          '"asKnownAt" lọc theo thời điểm ghi nhận, không theo ngày nghiệp vụ; để xem số liệu của một báo cáo đã nộp, dùng mã báo cáo.',
      },
    ];
  }
  if (eventsReplayed === 0)
    return [
      {
        code: 'NOTHING_KNOWN_YET',
        message: `Tại ${label} chưa có sự kiện hồ sơ nào được ghi nhận: mọi số liệu bằng 0.`,
      },
    ];
  return [];
}
