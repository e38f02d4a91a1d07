import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import { formatInstant } from '../lib/time';
import { num } from '../reports/format';
import { Hash } from './Hash';
import { VerifierHelp } from './VerifierHelp';
import { VerificationResult } from './VerificationResult';
import { useIntegrity, useSeals, useVerification } from './queries';
import type { VerificationRun } from './types';

/** The log's integrity: the seal status, a verify run on demand (polled to its verdict), the seals to download. */
export function IntegrityPage() {
  const client = useQueryClient();
  const integrity = useIntegrity();
  const [page, setPage] = useState(1);
  const seals = useSeals(page);
  const [runId, setRunId] = useState<string | null>(null);
  const run = useVerification(runId);
  const start = useMutation({
    mutationFn: () => api<VerificationRun>('/api/v1/audit/verifications', { method: 'POST' }),
    onSuccess: (started) => {
      client.setQueryData(['audit-verification', started.id], started);
      setRunId(started.id);
    },
  });
  const shown = run.data ?? (runId ? undefined : integrity.data?.lastVerification);
  const finished = run.data && run.data.status !== 'running' ? run.data.id : null;
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: ['audit-integrity'] });
  }, [finished, client]);
  const status = integrity.data?.seals;
  const pages = seals.data ? Math.max(1, Math.ceil(seals.data.total / seals.data.pageSize)) : 1;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="seal-status-title">
        <h2 id="seal-status-title">Tình trạng niêm phong</h2>
        {integrity.isPending ? (
          <p className="loading" role="status">
            Đang tải…
          </p>
        ) : integrity.isError ? (
          <p className="error" role="alert">
            {integrity.error instanceof ApiError ? integrity.error.message : 'Không tải được tình trạng nhật ký.'}
          </p>
        ) : (
          status && (
            <dl className="audit-facts" data-testid="seal-status">
              <div>
                <dt>Số niêm phong</dt>
                <dd>{num(status.count)}</dd>
              </div>
              <div>
                <dt>Niêm phong mới nhất</dt>
                <dd>
                  {status.last[0]
                    ? `số ${status.last[0].sealNumber}, lúc ${formatInstant(status.last[0].createdAt)}`
                    : 'chưa có'}
                </dd>
              </div>
              <div>
                <dt>Sự kiện ghi sau niêm phong cuối</dt>
                <dd>{status.unsealedEvents === null ? 'không rõ' : num(status.unsealedEvents)}</dd>
              </div>
              <div>
                <dt>Niêm phong tự động tiếp theo</dt>
                <dd>{nextDue(status)}</dd>
              </div>
            </dl>
          )
        )}
      </section>

      <section className="card stack" aria-labelledby="verify-title">
        <h2 id="verify-title">Kiểm tra toàn vẹn nhật ký</h2>
        <p>
          Tính lại mã băm của mọi sự kiện, chuỗi liên kết của từng hồ sơ và từng niêm phong, rồi so với những gì đã ghi.
          Nhật ký lớn có thể mất khoảng một phút cho mỗi 4 triệu sự kiện.
        </p>
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => start.mutate()}
            disabled={start.isPending || run.data?.status === 'running'}
          >
            Kiểm tra toàn vẹn
          </button>
        </p>
        {start.isError && (
          <p className="error" role="alert">
            {start.error instanceof ApiError ? start.error.message : 'Không bắt đầu được lượt kiểm tra.'}
          </p>
        )}
        {run.isError && (
          <p className="error" role="alert">
            {run.error instanceof ApiError ? run.error.message : 'Không theo dõi được lượt kiểm tra.'}
          </p>
        )}
        {shown ? (
          <>
            {!runId && <p className="muted">Lượt kiểm tra gần nhất:</p>}
            <VerificationResult run={shown} />
          </>
        ) : (
          !runId && <p className="muted">Chưa có lượt kiểm tra nào từ khi máy chủ khởi động.</p>
        )}
      </section>

      <section className="card stack" aria-labelledby="seals-title">
        <h2 id="seals-title">Các niêm phong</h2>
        <p className="muted">
          Mỗi niêm phong chốt một khoảng nhật ký bằng một mã băm, nối với niêm phong trước. Tải về và cất giữ bên ngoài
          hệ thống: sau này có thể đối chiếu nhật ký với bản đã cất.
        </p>
        {seals.isError && (
          <p className="error" role="alert">
            {seals.error instanceof ApiError ? seals.error.message : 'Không tải được danh sách niêm phong.'}
          </p>
        )}
        {seals.data && seals.data.seals.length === 0 && <p>Chưa có niêm phong nào.</p>}
        {seals.data && seals.data.seals.length > 0 && (
          <table className="audit-table" data-testid="seals">
            <caption className="visually-hidden">Các niêm phong, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Số</th>
                <th scope="col">Lập lúc</th>
                <th scope="col">Khoảng nhật ký (vị trí)</th>
                <th scope="col">Số sự kiện</th>
                <th scope="col">Mã băm</th>
                <th scope="col">Tải về</th>
              </tr>
            </thead>
            <tbody>
              {seals.data.seals.map((s) => (
                <tr key={s.sealNumber}>
                  <th scope="row">{s.sealNumber}</th>
                  <td>{formatInstant(s.createdAt)}</td>
                  <td>
                    sau {num(s.after.globalPosition)} đến {num(s.upTo.globalPosition)}
                  </td>
                  <td className="num">{num(s.eventCount)}</td>
                  <td>
                    <Hash value={s.sealHash} label={`mã băm niêm phong số ${s.sealNumber}`} />
                  </td>
                  <td>
                    <a
                      className="button"
                      href={`/api/v1/audit/seals/${s.sealNumber}/export`}
                      download={`seal-${s.sealNumber}.json`}
                      aria-label={`Tải về niêm phong số ${s.sealNumber}`}
                    >
                      Tải về
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 && (
          <nav className="row" aria-label="Trang niêm phong">
            <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page <= 1}>
              Trang trước
            </button>
            <span>
              Trang {page}/{pages}
            </span>
            <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page >= pages}>
              Trang sau
            </button>
          </nav>
        )}
      </section>

      <VerifierHelp />
    </div>
  );
}

function nextDue(status: NonNullable<ReturnType<typeof useIntegrity>['data']>['seals']): string {
  const parts: string[] = [];
  if (status.nextDueAt) parts.push(`lúc ${formatInstant(status.nextDueAt)}`);
  if (status.nextDueAfterEvents !== null) parts.push(`sau ${num(status.nextDueAfterEvents)} sự kiện nữa`);
  if (parts.length === 0) return 'không tự động (niêm phong bằng lệnh seal)';
  return parts.join(' hoặc ');
}
