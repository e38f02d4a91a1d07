import { ApiError } from '../api/client';
import { formatDateLong } from '../lib/time';
import { type DueDatePreview, timeLimitText } from './procedures';
import { messageOf } from './server-errors';

interface DueDatePanelProps {
  chosen: boolean;
  preview: DueDatePreview | undefined;
  pending: boolean;
  error: unknown;
}

/** The chosen procedure's time limit and the due date the receipt will be given — before saving. */
export function DueDatePanel({ chosen, preview, pending, error }: DueDatePanelProps) {
  return (
    <div className="due-date-panel" aria-live="polite" aria-atomic="true">
      {!chosen && <p className="muted">Chọn thủ tục để xem thời hạn giải quyết và ngày hẹn trả kết quả.</p>}
      {pending && <p className="muted">Đang tính ngày hẹn trả…</p>}
      {error instanceof ApiError && <p className="error">{messageOf(error)}</p>}
      {preview && (
        <dl className="due-date">
          <div>
            <dt>Thời hạn giải quyết</dt>
            <dd data-testid="time-limit">{timeLimitText(preview.timeLimit)}</dd>
          </div>
          <div>
            <dt>Ngày hẹn trả kết quả</dt>
            <dd data-testid="due-date-preview" className="due-date-value">
              {preview.dueDate ? formatDateLong(preview.dueDate) : preview.dueDateText}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
