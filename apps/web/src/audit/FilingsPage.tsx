import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useUnits } from '../app/unit';
import { formatInstant } from '../lib/time';
import { reportDate } from '../reports/period';
import { useFilings } from '../reports/queries';
import { scopeText } from './scope-text';

/** The filed reports the user may read, newest first. */
export function FilingsPage() {
  const filings = useFilings();
  const units = useUnits().data ?? [];
  return (
    <section className="stack" aria-labelledby="filings-title">
      <h2 id="filings-title">Báo cáo đã nộp</h2>
      <p className="muted">
        Mỗi báo cáo đã nộp giữ nguyên số liệu lúc nộp. Mở một báo cáo để tải lại đúng tệp đã nộp và xem số liệu đã nộp
        so với hiện nay.
      </p>
      {filings.isPending ? (
        <p className="loading" role="status">
          Đang tải danh sách…
        </p>
      ) : filings.isError ? (
        <p className="error" role="alert">
          {filings.error instanceof ApiError ? filings.error.message : 'Không tải được danh sách báo cáo đã nộp.'}
        </p>
      ) : filings.data.length === 0 ? (
        <p>Chưa có báo cáo nào được nộp. Lãnh đạo nộp báo cáo từ trang Báo cáo (nút «Nộp báo cáo»).</p>
      ) : (
        <table className="audit-table" data-testid="filings">
          <caption className="visually-hidden">Danh sách báo cáo đã nộp</caption>
          <thead>
            <tr>
              <th scope="col">Tên báo cáo</th>
              <th scope="col">Kỳ báo cáo</th>
              <th scope="col">Phạm vi</th>
              <th scope="col">Nộp lúc</th>
              <th scope="col">Người nộp</th>
            </tr>
          </thead>
          <tbody>
            {filings.data.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <Link href={`/audit/filings/${f.id}`}>{f.title}</Link>
                </th>
                <td>
                  {reportDate(f.period.from)} – {reportDate(f.period.to)}
                </td>
                <td>{scopeText(f.scope, units)}</td>
                <td>{formatInstant(f.filedAt)}</td>
                <td>{f.filedBy?.actorName ?? f.filedBy?.actor ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
