import { useCallback } from 'react';
import { ApiError } from '../api/client';
import { useUnit } from '../app/unit';
import { DashboardCharts } from '../reports/charts/DashboardCharts';
import { num } from '../reports/format';
import { PeriodPicker } from '../reports/PeriodPicker';
import { isRunning, useDashboard, useLiveFigures } from '../reports/queries';
import { useReportView } from '../reports/useReportView';
import '../reports/reports.css';

/**
 * The director's dashboard (issue 17): received by channel, result shares over time, in progress within / over the
 * due date, overdue by unit, the procedures with the most late results, units ranked by on-time share — each chart
 * with its numbers as a table and links to the work queue behind its bars. Live while the period runs.
 */
export default function DashboardPage() {
  const state = useReportView();
  const { view, period } = state;
  const { units } = useUnit();
  const dashboard = useDashboard(view, period);
  useLiveFigures(period);
  const queueUnit = useCallback((unitId: string) => units.some((u) => u.id === unitId), [units]);
  const data = dashboard.data;
  const singleUnit = view.scope === 'unit' ? (view.units[0] ?? null) : data?.units.length === 1 ? data.units[0]! : null;
  const lag = data?.projector;

  return (
    <section className="stack dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Bảng điều hành</h1>
      <PeriodPicker state={state} show="interval" />
      <div className="dashboard-status" role="status" aria-live="polite">
        {isRunning(period) && data && <span className="badge">Kỳ đang diễn ra: số liệu tự cập nhật</span>}
        {lag && (lag.lagEvents > 0 || lag.lagSeconds > 0) && (
          <span className="badge warn-badge" data-testid="projector-lag">
            Số liệu tổng hợp đang chậm {num(lag.lagEvents)} sự kiện (khoảng {num(Math.round(lag.lagSeconds))} giây)
          </span>
        )}
        {dashboard.isFetching && data && <span className="muted">Đang cập nhật…</span>}
      </div>
      {dashboard.isError && (
        <p className="error" role="alert">
          {dashboard.error instanceof ApiError ? dashboard.error.message : 'Không tải được số liệu.'}
        </p>
      )}
      {dashboard.isPending && period && (
        <p className="loading" role="status">
          Đang tải số liệu…
        </p>
      )}
      {data && <DashboardCharts data={data} queueUnit={queueUnit} singleUnit={singleUnit} />}
    </section>
  );
}
