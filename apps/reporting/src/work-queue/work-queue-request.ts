import { CHANNELS, type LocalDate, isLocalDate } from '@app/domain';
import { ApplicationError } from '@app/platform';
import type { QueueKey } from '@app/read-models';
import { decodeCursor } from './queue-cursor';
import { type QueueSearch, parseQueueSearch } from './queue-search';
import { QUEUE_TABS, type QueueTab, isQueueTab } from './queue-tabs';

export const DEFAULT_QUEUE_LIMIT = 50;
export const MAX_QUEUE_LIMIT = 200;

/** GET /api/v1/work-queue, read and checked. */
export interface WorkQueueRequest {
  unitId: string;
  tab: QueueTab;
  procedureCode?: string;
  channel?: string;
  receivedBy?: string;
  receivedFrom?: LocalDate;
  receivedTo?: LocalDate;
  q?: QueueSearch;
  limit: number;
  after?: QueueKey;
  /** A change the caller heard of on the live stream: answer once the read models have it (read-your-writes). */
  seen?: { dossierId: string; globalPosition: number };
}

/** The query string as given (every value a string, or absent). */
export type WorkQueueQuery = Partial<Record<keyof WorkQueueRequest | 'after' | 'seen', string>>;

const SEEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,15})$/i;

export function invalidQueueField(field: string, rule: string, message: string): ApplicationError {
  return new ApplicationError(400, 'VALIDATION_FAILED', message, { errors: [{ field, rule, message }] });
}

/** The meaning of the parameters (their shape was checked by the DTO): a 400 naming the field and the rule. */
export function parseWorkQueueRequest(query: WorkQueueQuery): WorkQueueRequest {
  const unitId = query.unitId?.trim();
  if (!unitId) throw invalidQueueField('unitId', 'required', 'unitId: cần mã đơn vị của hàng đợi.');
  const tab = query.tab ?? 'in_progress';
  if (!isQueueTab(tab)) throw invalidQueueField('tab', 'isIn', `tab: một trong ${QUEUE_TABS.join(', ')}.`);
  const request: WorkQueueRequest = { unitId, tab, limit: DEFAULT_QUEUE_LIMIT };
  if (query.limit !== undefined) {
    const limit = /^\d{1,4}$/.test(query.limit) ? Number(query.limit) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_QUEUE_LIMIT))
      throw invalidQueueField('limit', 'range', `limit: số nguyên từ 1 đến ${MAX_QUEUE_LIMIT}.`);
    request.limit = limit;
  }
  if (query.procedureCode !== undefined && query.procedureCode.trim() !== '')
    request.procedureCode = query.procedureCode.trim();
  if (query.channel !== undefined && query.channel !== '') {
    if (!(CHANNELS as readonly string[]).includes(query.channel))
      throw invalidQueueField('channel', 'isIn', `channel: một trong ${CHANNELS.join(', ')}.`);
    request.channel = query.channel;
  }
  if (query.receivedBy !== undefined && query.receivedBy.trim() !== '') request.receivedBy = query.receivedBy.trim();
  for (const field of ['receivedFrom', 'receivedTo'] as const) {
    const value = query[field];
    if (value === undefined || value === '') continue;
    if (!isLocalDate(value))
      throw invalidQueueField(field, 'isLocalDate', `${field}: một ngày có thật, dạng YYYY-MM-DD.`);
    request[field] = value;
  }
  if (request.receivedFrom && request.receivedTo && request.receivedTo < request.receivedFrom)
    throw invalidQueueField('receivedTo', 'notBeforeReceivedFrom', 'receivedTo: không được trước receivedFrom.');
  if (query.q !== undefined && query.q.trim() !== '') {
    const search = parseQueueSearch(query.q);
    if (!search)
      throw invalidQueueField(
        'q',
        'searchForm',
        'q: mã hồ sơ (hoặc phần đầu), số giấy tờ tùy thân, số điện thoại hoặc một phần họ tên (2 chữ cái trở lên).',
      );
    request.q = search;
  }
  if (query.after !== undefined && query.after !== '') {
    const after = decodeCursor(query.after);
    if (!after) throw invalidQueueField('after', 'cursor', 'after: con trỏ trang không hợp lệ (dùng nextCursor).');
    request.after = after;
  }
  if (query.seen !== undefined && query.seen !== '') {
    const seen = SEEN.exec(query.seen);
    if (!seen) throw invalidQueueField('seen', 'dossierPosition', 'seen: <mã định danh hồ sơ>:<vị trí trong nhật ký>.');
    request.seen = { dossierId: seen[1]!.toLowerCase(), globalPosition: Number(seen[2]) };
  }
  return request;
}
