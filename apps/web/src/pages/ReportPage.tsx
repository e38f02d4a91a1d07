import { ApiError } from '../api/client';
import { FileReport } from '../audit/FileReport';
import { formatInstant } from '../lib/time';
import { AsKnownAt } from '../reports/AsKnownAt';
import { Bieu06Table } from '../reports/Bieu06Table';
import { Downloads } from '../reports/Downloads';
import { PeriodPicker } from '../reports/PeriodPicker';
import { ReconciliationPanel } from '../reports/ReconciliationPanel';
import { ReportParagraph } from '../reports/ReportParagraph';
import {
  figuresQuery,
  isRunning,
  useFigures,
  useFiguresText,
  useLiveFigures,
  useUnitsInPeriod,
} from '../reports/queries';
import { useReportView } from '../reports/useReportView';
import { SCOPE_LABELS, levelLabel } from '../reports/view';
import '../reports/reports.css';

/**
 * The report page (issue 17): the period and scope, Biểu 06/VPCP/KSTT as the official table, the Vietnamese
 * paragraph with a copy button, the reconciliation explained, downloads and print, and the figures as known at an
 * instant or a filed report beside now. Figures follow live changes while the period runs.
 */
export default function ReportPage() {
  const state = useReportView();
  const { view, period } = state;
  const units = useUnitsInPeriod(period);
  const figures = useFigures(view, period);
  const text = useFiguresText(view, period);
  useLiveFigures(period);
  const report = figures.data;
  const scopeName =
    view.scope === 'province'
      ? 'toàn tỉnh'
      : view.scope === 'level'
        ? levelLabel(view.level).toLowerCase()
        : view.units.map((u) => units.find((x) => x.id === u)?.name ?? u).join(', ');

  return (
    <section className="stack report-page" aria-labelledby="report-title">
      <h1 id="report-title">Báo cáo tình hình giải quyết thủ tục hành chính</h1>
      <PeriodPicker state={state} show="groupBy" />
      {figures.isError && (
        <p className="error" role="alert">
          {figures.error instanceof ApiError ? figures.error.message : 'Không tải được số liệu.'}
        </p>
      )}
      {figures.isPending && period && (
        <p className="loading" role="status">
          Đang tải số liệu…
        </p>
      )}
      {report && period && (
        <>
          <div className="report-meta no-print">
            <span>
              {SCOPE_LABELS[view.scope]}: {scopeName}. Số liệu từ{' '}
              {report.source === 'replay' ? 'nhật ký sự kiện' : 'bảng tổng hợp'}, lập lúc{' '}
              {formatInstant(report.generatedAt)}
              {isRunning(period) ? ' — kỳ đang diễn ra, số liệu tự cập nhật.' : '.'}
            </span>
            <Downloads query={figuresQuery(view, period, units)} period={period} text={text.data} />
          </div>
          {(report.warnings ?? []).map((w, i) => (
            <p key={i} className="warn">
              {w.message}
            </p>
          ))}
          <section className="card print-area" aria-labelledby="bieu06-title">
            <h2 id="bieu06-title" className="no-print">
              Biểu 06/VPCP/KSTT
            </h2>
            <Bieu06Table report={report} title={`Tình hình, kết quả giải quyết thủ tục hành chính — ${scopeName}`} />
          </section>
          <ReportParagraph text={text.data} loading={text.isPending} />
          <ReconciliationPanel report={report} period={period} />
          <AsKnownAt state={state} now={report} />
          <FileReport view={view} period={period} units={units} />
        </>
      )}
    </section>
  );
}
