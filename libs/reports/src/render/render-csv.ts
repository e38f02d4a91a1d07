import type { Figures } from '@app/domain';
import type { FiguresReport, ReportGroupFigures } from '../figures/figures-report';

/**
 * Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): columns 1–13 in the official order with Vietnamese headers, one
 * row per group and a total row; then, after the official columns, the postal receipts and the buckets that
 * complete the reconciliation (the form has no column for them). Plain integers, comma-separated, RFC 4180 quoting.
 */
export const BIEU_06_HEADER = [
  'STT',
  'Đơn vị / Lĩnh vực',
  'Số hồ sơ nhận giải quyết - Tổng số',
  'Mới tiếp nhận - Trực tuyến',
  'Mới tiếp nhận - Trực tiếp, dịch vụ bưu chính',
  'Từ kỳ trước',
  'Số hồ sơ đã giải quyết - Tổng số',
  'Trước hạn',
  'Đúng hạn',
  'Quá hạn',
  'Số hồ sơ đang giải quyết - Tổng số',
  'Trong hạn',
  'Quá hạn',
  'Tiếp nhận qua dịch vụ bưu chính công ích',
  'Rút hồ sơ',
  'Dừng xử lý',
  'Chờ bổ sung',
  'Chờ thực hiện nghĩa vụ tài chính',
  'Chênh lệch đối chiếu',
] as const;

function row(label: string, index: string, f: Figures): (string | number)[] {
  return [
    index,
    label,
    f.received.total + f.carriedOver,
    f.received.online,
    f.received.counterAndPostal,
    f.carriedOver,
    f.resolved.total,
    f.resolved.early,
    f.resolved.onTime,
    f.resolved.late,
    f.inProgress.total,
    f.inProgress.withinDeadline,
    f.inProgress.overdue,
    f.received.postal,
    f.withdrawn,
    f.stopped,
    f.waitingSupplement,
    f.waitingFinancialObligation,
    f.reconciliation.difference,
  ];
}

const label = (group: ReportGroupFigures): string =>
  group.kind === 'procedure' ? `${group.key} - ${group.subject}` : group.subject;

/** The form's rows (without the header): one per group, then the total; cells in BIEU_06_HEADER's order. */
export function bieu06Rows(report: FiguresReport): (string | number)[][] {
  return [
    ...report.groups.map((group, i) => row(label(group), String(i + 1), group.figures)),
    row('Tổng cộng', '', report.total),
  ];
}

/** The UTF-8 byte order mark a download of the CSV starts with: spreadsheets then read the Vietnamese right. */
export const CSV_BOM = '\uFEFF';

export function renderCsv(report: FiguresReport): string {
  const lines = [[...BIEU_06_HEADER], ...bieu06Rows(report)];
  return `${lines.map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
