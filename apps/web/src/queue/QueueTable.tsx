import { Link } from 'wouter';
import { channelLabel, statusLabel } from '../lib/labels';
import { formatDate, formatInstant } from '../lib/time';
import { DueBadge } from './DueBadge';
import type { WorkQueueItem } from './types';

/** One tab's dossiers in the queue's order (due date, then code), a just-changed row highlighted. */
export function QueueTable({
  items,
  caption,
  changed,
  procedureName,
}: {
  items: WorkQueueItem[];
  caption: string;
  changed: ReadonlySet<string>;
  procedureName(code: string): string;
}) {
  return (
    <div className="queue-table-wrap">
      <table className="queue-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mã hồ sơ</th>
            <th scope="col">Thủ tục</th>
            <th scope="col">Người nộp</th>
            <th scope="col">Kênh</th>
            <th scope="col">Tiếp nhận lúc</th>
            <th scope="col" aria-sort="ascending">
              Hạn giải quyết
            </th>
            <th scope="col">Người tiếp nhận</th>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={changed.has(item.id) ? 'row-changed' : undefined} data-dossier={item.code}>
              <td className="code">
                <Link href={`/dossiers/${item.id}`}>{item.code}</Link>
              </td>
              <td>
                <span className="procedure-name">{procedureName(item.procedureCode)}</span>
                <small className="muted"> ({item.procedureCode})</small>
              </td>
              <td>{item.applicantName ?? <span className="muted">—</span>}</td>
              <td>{channelLabel(item.channel)}</td>
              <td className="nowrap">{formatInstant(item.receivedAt)}</td>
              <td>
                <DueBadge dueDate={item.dueDate} workingDaysLeft={item.workingDaysLeft} />
                {item.appointmentDate && item.appointmentDate !== item.dueDate && (
                  <small className="muted appointment">Hẹn lại: {formatDate(item.appointmentDate)}</small>
                )}
              </td>
              <td>{item.receivedBy ?? <span className="muted">—</span>}</td>
              <td>{statusLabel(item.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
