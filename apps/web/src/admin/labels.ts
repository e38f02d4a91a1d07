import type { ProcedureRecord, TimeLimit } from './types';

export const LEVEL_LABELS: Record<string, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
export const levelLabel = (level: string): string => LEVEL_LABELS[level] ?? level;

export const TIME_LIMIT_UNITS: Record<TimeLimit['unit'], string> = {
  working_days: 'ngày làm việc',
  calendar_days: 'ngày (kể cả ngày nghỉ)',
  working_hours: 'giờ làm việc',
  immediate: 'Trả ngay',
};

export function timeLimitText(limit: TimeLimit): string {
  if (limit.unit === 'immediate') return 'Trả kết quả ngay';
  return `${limit.amount ?? '?'} ${TIME_LIMIT_UNITS[limit.unit]}`;
}

export const ONLINE_LEVEL_LABELS: Record<ProcedureRecord['onlineLevel'], string> = {
  none: 'Không trực tuyến',
  partial: 'Trực tuyến một phần',
  full: 'Trực tuyến toàn trình',
};

export const CHANGE_LABELS = {
  added: 'Đã thêm',
  changed: 'Đã lưu thay đổi',
  unchanged: 'Không có gì thay đổi',
} as const;
