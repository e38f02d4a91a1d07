import { formatInstant } from '../lib/time';
import { num } from '../reports/format';
import type { VerificationRun } from './types';

/** Each kind of problem in words (the server's detail is technical English: not shown). */
const PROBLEM_LABELS: Record<string, string> = {
  altered: 'Nội dung sự kiện đã bị sửa (mã băm không khớp nội dung)',
  missing: 'Thiếu sự kiện trong chuỗi (đã bị xoá)',
  reordered: 'Thứ tự sự kiện trong chuỗi bị đảo',
  hash_mismatch: 'Mã băm không nối với mục trước',
  seal_broken: 'Khoảng nhật ký đã niêm phong không còn khớp niêm phong (sự kiện bị xoá, thêm, đổi ngày hoặc đổi chỗ)',
  seal_chain: 'Chuỗi niêm phong bị đứt (một niêm phong bị mất, sửa hoặc không nối tiếp niêm phong trước)',
  witness: 'Dấu vết bên ngoài nhật ký cho thấy có sự kiện đã bị xoá',
};

/** A verify run in words: running, INTACT or BROKEN with what was found (the first broken link first), or failed. */
export function VerificationResult({ run }: { run: VerificationRun }) {
  if (run.status === 'running')
    return (
      <p className="loading" role="status">
        Đang kiểm tra (bắt đầu lúc {formatInstant(run.startedAt)})…
      </p>
    );
  if (run.status === 'failed')
    return (
      <p className="error" role="alert">
        Lượt kiểm tra không chạy xong (lúc {formatInstant(run.finishedAt)}). Vui lòng thử lại hoặc chạy{' '}
        <code>npm run dossier -- verify</code> trên máy chủ.
      </p>
    );
  const report = run.report;
  return (
    <div className="stack verification" data-testid="verification">
      <p role="status" className={run.ok ? 'verdict ok' : 'verdict error'}>
        <strong>{run.ok ? 'NGUYÊN VẸN (INTACT)' : 'BỊ THAY ĐỔI (BROKEN)'}</strong> —{' '}
        {run.ok
          ? 'mọi sự kiện, chuỗi liên kết và niêm phong đều khớp.'
          : 'có sự kiện hoặc niêm phong không còn khớp với mã băm đã ghi.'}
      </p>
      {report && (
        <ul>
          <li>
            Đã kiểm tra {num(report.eventsChecked)} sự kiện trong {num(report.streamsChecked)} chuỗi.
          </li>
          {report.sealsChecked !== undefined && <li>Đã đối chiếu {num(report.sealsChecked)} niêm phong.</li>}
          {report.unsealedEvents !== undefined && (
            <li>{num(report.unsealedEvents)} sự kiện ghi sau niêm phong cuối (được bảo vệ bởi chuỗi liên kết).</li>
          )}
          <li>
            Bắt đầu {formatInstant(run.startedAt)}, xong {formatInstant(run.finishedAt)}
            {report.seconds !== undefined && ` (${report.seconds.toLocaleString('vi-VN')} giây)`}.
          </li>
        </ul>
      )}
      {report && report.problems.length > 0 && (
        <>
          <h3>Những chỗ không khớp (chỗ đứt đầu tiên trước)</h3>
          <ol className="problems">
            {report.problems.map((p, i) => (
              <li key={i}>
                <strong>{PROBLEM_LABELS[p.kind] ?? 'Chuỗi liên kết bị đứt'}</strong>
                {p.streamId && (
                  <>
                    {' '}
                    — chuỗi <code>{p.streamId}</code>
                    {p.streamPosition !== undefined && `, mục #${p.streamPosition}`}
                  </>
                )}
                {p.sealNumber !== undefined && ` — niêm phong số ${p.sealNumber}`}.
              </li>
            ))}
          </ol>
        </>
      )}
      {report?.warnings && report.warnings.length > 0 && (
        <p className="warn">
          {report.warnings.length} điểm nên xem thêm (không phải dấu hiệu sửa đổi), ví dụ giờ ghi nhận lệch thứ tự ở
          phần chưa niêm phong: xem chi tiết bằng <code>npm run dossier -- verify</code>.
        </p>
      )}
    </div>
  );
}
