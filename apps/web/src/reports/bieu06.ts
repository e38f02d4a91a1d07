import type { Figures, FiguresReport, ReportGroup } from './types';

/**
 * Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP) as the page lays it out: the same rows and columns, in the same order,
 * as the CSV and the CLI (libs/reports/src/render/render-csv.ts: BIEU_06_HEADER, bieu06Rows) — columns 1–13 of the
 * form, then the postal receipts and the buckets that complete the reconciliation, which the form has no column for.
 */
export interface Bieu06Column {
  /** The CSV's header of the column. */
  header: string;
  /** The short heading under its group on the page. */
  short: string;
  value(f: Figures): number;
}

export interface Bieu06Group {
  title: string;
  columns: Bieu06Column[];
}

export const BIEU_06_GROUPS: Bieu06Group[] = [
  {
    title: 'Số hồ sơ nhận giải quyết',
    columns: [
      {
        header: 'Số hồ sơ nhận giải quyết - Tổng số',
        short: 'Tổng số',
        value: (f) => f.received.total + f.carriedOver,
      },
      { header: 'Mới tiếp nhận - Trực tuyến', short: 'Mới tiếp nhận trực tuyến', value: (f) => f.received.online },
      {
        header: 'Mới tiếp nhận - Trực tiếp, dịch vụ bưu chính',
        short: 'Mới tiếp nhận trực tiếp, dịch vụ bưu chính',
        value: (f) => f.received.counterAndPostal,
      },
      { header: 'Từ kỳ trước', short: 'Từ kỳ trước', value: (f) => f.carriedOver },
    ],
  },
  {
    title: 'Số hồ sơ đã giải quyết',
    columns: [
      { header: 'Số hồ sơ đã giải quyết - Tổng số', short: 'Tổng số', value: (f) => f.resolved.total },
      { header: 'Trước hạn', short: 'Trước hạn', value: (f) => f.resolved.early },
      { header: 'Đúng hạn', short: 'Đúng hạn', value: (f) => f.resolved.onTime },
      { header: 'Quá hạn', short: 'Quá hạn', value: (f) => f.resolved.late },
    ],
  },
  {
    title: 'Số hồ sơ đang giải quyết',
    columns: [
      { header: 'Số hồ sơ đang giải quyết - Tổng số', short: 'Tổng số', value: (f) => f.inProgress.total },
      { header: 'Trong hạn', short: 'Trong hạn', value: (f) => f.inProgress.withinDeadline },
      { header: 'Quá hạn', short: 'Quá hạn', value: (f) => f.inProgress.overdue },
    ],
  },
  {
    title: 'Ngoài biểu mẫu: bưu chính và đối chiếu',
    columns: [
      {
        header: 'Tiếp nhận qua dịch vụ bưu chính công ích',
        short: 'Tiếp nhận qua bưu chính công ích',
        value: (f) => f.received.postal,
      },
      { header: 'Rút hồ sơ', short: 'Rút hồ sơ', value: (f) => f.withdrawn },
      { header: 'Dừng xử lý', short: 'Dừng xử lý', value: (f) => f.stopped },
      { header: 'Chờ bổ sung', short: 'Chờ bổ sung', value: (f) => f.waitingSupplement },
      {
        header: 'Chờ thực hiện nghĩa vụ tài chính',
        short: 'Chờ thực hiện nghĩa vụ tài chính',
        value: (f) => f.waitingFinancialObligation,
      },
      { header: 'Chênh lệch đối chiếu', short: 'Chênh lệch đối chiếu', value: (f) => f.reconciliation.difference },
    ],
  },
];

export const BIEU_06_COLUMNS: Bieu06Column[] = BIEU_06_GROUPS.flatMap((g) => g.columns);

export interface Bieu06Row {
  index: string;
  label: string;
  cells: number[];
  total: boolean;
}

const label = (group: ReportGroup): string =>
  group.kind === 'procedure' ? `${group.key} - ${group.subject}` : group.subject;

/** One row per group, then the total ("Tổng cộng"), as the CSV has them. */
export function bieu06Rows(report: FiguresReport): Bieu06Row[] {
  const row = (index: string, text: string, f: Figures, total: boolean): Bieu06Row => ({
    index,
    label: text,
    cells: BIEU_06_COLUMNS.map((c) => c.value(f)),
    total,
  });
  return [
    ...report.groups.map((g, i) => row(String(i + 1), label(g), g.figures, false)),
    row('', 'Tổng cộng', report.total, true),
  ];
}
