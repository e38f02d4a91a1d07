import { formatDate, workingDaysText } from '../lib/time';

/** A due date and how far it is: "còn 2 ngày làm việc", "đến hạn hôm nay", "quá hạn 1 ngày làm việc". */
export function DueBadge({ dueDate, workingDaysLeft }: { dueDate: string | null; workingDaysLeft: number | null }) {
  if (!dueDate) return <span className="muted">Trả ngay</span>;
  const tone = workingDaysLeft === null ? '' : workingDaysLeft < 0 ? 'late' : workingDaysLeft <= 2 ? 'soon' : '';
  return (
    <span className="due">
      <span>{formatDate(dueDate)}</span>
      {workingDaysLeft !== null && <span className={`badge ${tone}`.trim()}>{workingDaysText(workingDaysLeft)}</span>}
    </span>
  );
}
