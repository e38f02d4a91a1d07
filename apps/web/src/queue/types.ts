/** GET /api/v1/work-queue as the desk reads it. */
export const QUEUE_TABS = [
  'in_progress',
  'due_today',
  'due_soon',
  'overdue',
  'awaiting_supplement',
  'awaiting_financial_obligation',
  'ready_to_return',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const TAB_LABELS: Record<QueueTab, string> = {
  in_progress: 'Đang giải quyết',
  due_today: 'Đến hạn hôm nay',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  awaiting_supplement: 'Chờ bổ sung',
  awaiting_financial_obligation: 'Chờ nghĩa vụ tài chính',
  ready_to_return: 'Chờ trả kết quả',
};

/** What each tab's empty list says. */
export const EMPTY_TAB: Record<QueueTab, string> = {
  in_progress: 'Không có hồ sơ nào đang giải quyết tại đơn vị.',
  due_today: 'Không có hồ sơ nào đến hạn hôm nay.',
  due_soon: 'Không có hồ sơ nào sắp đến hạn trong 2 ngày làm việc tới.',
  overdue: 'Không có hồ sơ nào quá hạn.',
  awaiting_supplement: 'Không có hồ sơ nào đang chờ bổ sung.',
  awaiting_financial_obligation: 'Không có hồ sơ nào đang chờ thực hiện nghĩa vụ tài chính.',
  ready_to_return: 'Không có kết quả nào đang chờ trả.',
};

export const isQueueTab = (value: unknown): value is QueueTab =>
  typeof value === 'string' && (QUEUE_TABS as readonly string[]).includes(value);

export interface WorkQueueItem {
  id: string;
  code: string;
  status: string;
  procedureCode: string;
  channel: string;
  receivingUnitId: string;
  currentUnitId: string;
  receivedAt: string;
  receivedBy: string | null;
  dueDate: string | null;
  appointmentDate: string | null;
  workingDaysLeft: number | null;
  applicantName: string | null;
}

export interface WorkQueueAnswer {
  unitId: string;
  tab: QueueTab;
  today: string;
  counts: Record<QueueTab, number>;
  items: WorkQueueItem[];
  nextCursor: string | null;
}
