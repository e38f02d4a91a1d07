import type { Figures } from '@app/domain';

/** The counted figures of a report (shares and the reconciliation derive from them), with their Vietnamese names. */
export const FIGURE_LABELS = {
  'received.total': 'Tiếp nhận trong kỳ',
  'received.online': 'Tiếp nhận trực tuyến',
  'received.counter': 'Tiếp nhận trực tiếp',
  'received.postal': 'Tiếp nhận qua bưu chính công ích',
  carriedOver: 'Từ kỳ trước chuyển sang',
  'resolved.total': 'Đã giải quyết',
  'resolved.early': 'Giải quyết trước hạn',
  'resolved.onTime': 'Giải quyết đúng hạn',
  'resolved.late': 'Giải quyết quá hạn',
  'inProgress.total': 'Đang giải quyết',
  'inProgress.withinDeadline': 'Đang giải quyết trong hạn',
  'inProgress.overdue': 'Đang giải quyết quá hạn',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng xử lý',
  waitingSupplement: 'Chờ bổ sung hồ sơ',
  waitingFinancialObligation: 'Chờ thực hiện nghĩa vụ tài chính',
} as const;

export type FigureKey = keyof typeof FIGURE_LABELS;
export const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as FigureKey[];
export type FigureCounts = Record<FigureKey, number>;

export function countsOf(f: Figures): FigureCounts {
  return {
    'received.total': f.received.total,
    'received.online': f.received.online,
    'received.counter': f.received.counter,
    'received.postal': f.received.postal,
    carriedOver: f.carriedOver,
    'resolved.total': f.resolved.total,
    'resolved.early': f.resolved.early,
    'resolved.onTime': f.resolved.onTime,
    'resolved.late': f.resolved.late,
    'inProgress.total': f.inProgress.total,
    'inProgress.withinDeadline': f.inProgress.withinDeadline,
    'inProgress.overdue': f.inProgress.overdue,
    withdrawn: f.withdrawn,
    stopped: f.stopped,
    waitingSupplement: f.waitingSupplement,
    waitingFinancialObligation: f.waitingFinancialObligation,
  };
}

export function zeroCounts(): FigureCounts {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as FigureCounts;
}

/** b − a, figure by figure. */
export function countsDelta(a: FigureCounts, b: FigureCounts): FigureCounts {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, b[k] - a[k]])) as FigureCounts;
}

export const isZero = (c: FigureCounts): boolean => FIGURE_KEYS.every((k) => c[k] === 0);
