import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { ApiError, api } from '../api/client';
import { hasRole, useSession } from '../api/session';
import type { Unit } from '../api/types';
import { formatInstant } from '../lib/time';
import { type Period, reportDate } from '../reports/period';
import { figuresQuery } from '../reports/queries';
import type { ReportView } from '../reports/view';
import type { FiledReport } from './types';

/**
 * «Nộp báo cáo» on the report page (directors and administrators): files the figures of the page's period and scope
 * (POST /api/v1/reports/filings), then links to the filing on the auditor's desk.
 */
export function FileReport({ view, period, units }: { view: ReportView; period: Period; units: Unit[] }) {
  const session = useSession().data;
  const client = useQueryClient();
  const defaultTitle = `Báo cáo số liệu từ ngày ${reportDate(period.from)} đến ngày ${reportDate(period.to)}`;
  const [title, setTitle] = useState('');
  const file = useMutation({
    mutationFn: () => {
      const query = Object.fromEntries(new URLSearchParams(figuresQuery(view, period, units)));
      return api<FiledReport>('/api/v1/reports/filings', {
        method: 'POST',
        body: { ...query, title: title.trim() || defaultTitle },
      });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['report-filings'] }),
  });
  if (!session || !hasRole(session, ['director', 'admin'])) return null;
  const titleError = file.error instanceof ApiError ? file.error.fields.find((f) => f.field === 'title') : undefined;
  return (
    <section className="card no-print" aria-labelledby="file-report-title">
      <h2 id="file-report-title">Nộp báo cáo</h2>
      <p className="muted">
        Nộp số liệu của kỳ và phạm vi đang xem: số liệu được lưu nguyên như hiện nay, các tệp tải về sau này giống hệt.
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          file.mutate();
        }}
      >
        <label>
          <span>Tên báo cáo</span>
          <input
            name="filingTitle"
            value={title}
            placeholder={defaultTitle}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={titleError ? true : undefined}
            size={48}
          />
        </label>
        <button type="submit" className="primary" disabled={file.isPending}>
          Nộp báo cáo
        </button>
      </form>
      {file.isError && (
        <p className="error" role="alert">
          {file.error instanceof ApiError ? file.error.message : 'Không nộp được báo cáo.'}
        </p>
      )}
      {file.data && (
        <p className="ok" role="status">
          Đã nộp «{file.data.title}» lúc {formatInstant(file.data.filedAt)}.{' '}
          <Link href={`/audit/filings/${file.data.id}`}>Xem báo cáo đã nộp</Link>
        </p>
      )}
    </section>
  );
}
