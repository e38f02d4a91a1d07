import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useUnits } from '../app/unit';
import { formatInstant } from '../lib/time';
import { Bieu06Table } from '../reports/Bieu06Table';
import { num } from '../reports/format';
import { reportDate } from '../reports/period';
import { FilingComparisonView } from './FilingComparisonView';
import { Hash } from './Hash';
import { filingUrl, useFiling, useFilingComparison } from './queries';
import { scopeText } from './scope-text';

const VERSION_LABELS: Record<string, string> = {
  units: 'Danh mục đơn vị (phiên bản)',
  procedures: 'Danh mục thủ tục (phiên bản)',
  calendar: 'Lịch làm việc (phiên bản)',
  rules: 'Quy tắc tính số liệu',
};

/** One filed report: what was filed (Biểu 06 from the filed figures), its files, and filed versus now. */
export function FilingPage({ id }: { id: string }) {
  const filing = useFiling(id);
  const comparison = useFilingComparison(id);
  const units = useUnits().data ?? [];
  if (filing.isPending)
    return (
      <p className="loading" role="status">
        Đang tải báo cáo đã nộp…
      </p>
    );
  if (filing.isError)
    return (
      <section className="stack">
        <h2>Không mở được báo cáo đã nộp</h2>
        <p className="error" role="alert">
          {filing.error instanceof ApiError ? filing.error.message : 'Không tải được báo cáo đã nộp.'}
        </p>
        <p>
          <Link href="/audit/filings">← Danh sách báo cáo đã nộp</Link>
        </p>
      </section>
    );
  const f = filing.data;
  const scope = scopeText(f.scope, units);
  return (
    <article className="stack" aria-labelledby="filing-title">
      <p>
        <Link href="/audit/filings">← Danh sách báo cáo đã nộp</Link>
      </p>
      <h2 id="filing-title">{f.title}</h2>
      <dl className="audit-facts card">
        <div>
          <dt>Kỳ báo cáo</dt>
          <dd>
            {reportDate(f.period.from)} – {reportDate(f.period.to)}
          </dd>
        </div>
        <div>
          <dt>Phạm vi</dt>
          <dd>{scope}</dd>
        </div>
        <div>
          <dt>Nộp lúc</dt>
          <dd>{formatInstant(f.filedAt)}</dd>
        </div>
        <div>
          <dt>Người nộp</dt>
          <dd>{f.filedBy.actorName ?? f.filedBy.actor ?? '—'}</dd>
        </div>
        <div>
          <dt>Vị trí trong nhật ký khi tính số liệu</dt>
          <dd>sự kiện số {num(f.position.globalPosition)}</dd>
        </div>
        {Object.entries(f.versions ?? {}).map(([key, value]) => (
          <div key={key}>
            <dt>{VERSION_LABELS[key] ?? key}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
        <div>
          <dt>Mã băm dữ liệu đầu vào</dt>
          <dd>
            <Hash value={f.inputsSha256} label="mã băm dữ liệu đầu vào" />
          </dd>
        </div>
        <div>
          <dt>Mã băm sự kiện nộp báo cáo</dt>
          <dd>
            <Hash value={f.event.hash} label="mã băm sự kiện nộp báo cáo" />
          </dd>
        </div>
      </dl>
      <nav className="downloads" aria-label="Tải về báo cáo đã nộp">
        <a className="button" href={`${filingUrl(f.id)}?format=xlsx`} download>
          Tải Biểu 06 đã nộp (Excel)
        </a>
        <a className="button" href={`${filingUrl(f.id)}?format=csv`} download>
          Tải Biểu 06 đã nộp (CSV)
        </a>
        <a className="button" href={`${filingUrl(f.id)}?format=text`} download={`bao-cao-da-nop-${f.id}.txt`}>
          Tải đoạn văn đã nộp (.txt)
        </a>
      </nav>
      <section className="card" aria-labelledby="filed-figures-title">
        <h3 id="filed-figures-title">Số liệu đã nộp</h3>
        <Bieu06Table report={f.figures} title={`Tình hình, kết quả giải quyết thủ tục hành chính — ${scope}`} />
      </section>
      <section className="card" aria-labelledby="filed-vs-now-title">
        <h3 id="filed-vs-now-title">Đã nộp so với hiện nay</h3>
        {comparison.isPending ? (
          <p className="loading" role="status">
            Đang so sánh với số liệu hiện nay…
          </p>
        ) : comparison.isError ? (
          <p className="error" role="alert">
            {comparison.error instanceof ApiError ? comparison.error.message : 'Không so sánh được với hiện nay.'}
          </p>
        ) : (
          <FilingComparisonView comparison={comparison.data} />
        )}
      </section>
    </article>
  );
}
