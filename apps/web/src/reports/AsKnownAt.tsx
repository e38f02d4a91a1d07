import { useState } from 'react';
import { ApiError } from '../api/client';
import { formatInstant } from '../lib/time';
import { BIEU_06_COLUMNS } from './bieu06';
import { num, signed } from './format';
import { reportDate } from './period';
import { useFigures, useFilings } from './queries';
import type { FiguresReport, FilingSummary } from './types';
import type { useReportView } from './useReportView';
import type { ReportView } from './view';

const FILING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "2020-09-05T17:00" (or with seconds) typed in the local time of the centre → an instant with its zone. */
const instantOf = (local: string): string => `${local.length === 16 ? `${local}:00` : local}+07:00`;
const localOf = (instant: string): string => /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)/.exec(instant)?.[1] ?? '';

/** The view a filed report was filed for: its period (as custom dates) and scope. */
function viewOfFiling(filing: FilingSummary): Partial<ReportView> {
  const levels = filing.scope.levels ?? [];
  const units = filing.scope.units ?? filing.scope.unitsInScope;
  const scope = levels.length > 1 ? 'province' : levels.length === 1 ? 'level' : units.length === 1 ? 'unit' : 'units';
  return {
    kind: 'custom',
    from: filing.period.from,
    to: filing.period.to,
    scope,
    level: levels[0] ?? 'province',
    units,
    groupBy: (['unit', 'level', 'procedure', 'none'].includes(filing.groupBy)
      ? filing.groupBy
      : 'unit') as ReportView['groupBy'],
    asKnownAt: filing.id,
  };
}

/**
 * "As known at": the figures as the log held them at an instant, or at a filed report's position, beside the
 * figures now — every column of Biểu 06 for the total, the differences highlighted.
 */
export function AsKnownAt({ state, now }: { state: ReturnType<typeof useReportView>; now: FiguresReport }) {
  const { view, period, change } = state;
  const filings = useFilings();
  const [mode, setMode] = useState<'instant' | 'filing'>(FILING_ID.test(view.asKnownAt) ? 'filing' : 'instant');
  const [instant, setInstant] = useState(FILING_ID.test(view.asKnownAt) ? '' : localOf(view.asKnownAt));
  const then = useFigures(view, period, view.asKnownAt);
  const filing = filings.data?.find((f) => f.id === view.asKnownAt);

  return (
    <section className="card as-known-at" aria-labelledby="as-known-at-title">
      <h2 id="as-known-at-title">Số liệu tại một thời điểm, so với hiện nay</h2>
      <div className="picker-row">
        <fieldset className="mode">
          <legend>So sánh với</legend>
          <label className="check">
            <input type="radio" name="known-mode" checked={mode === 'instant'} onChange={() => setMode('instant')} />
            Một thời điểm
          </label>
          <label className="check">
            <input type="radio" name="known-mode" checked={mode === 'filing'} onChange={() => setMode('filing')} />
            Một báo cáo đã nộp
          </label>
        </fieldset>
        {mode === 'instant' ? (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (instant) change({ asKnownAt: instantOf(instant) });
            }}
          >
            <label>
              <span>Thời điểm (giờ Việt Nam)</span>
              <input
                type="datetime-local"
                step="1"
                name="asKnownAt"
                value={instant}
                onChange={(e) => setInstant(e.target.value)}
              />
            </label>
            <button type="submit" className="primary" disabled={!instant}>
              Xem số liệu khi đó
            </button>
          </form>
        ) : (
          <label>
            <span>Báo cáo đã nộp</span>
            <select
              name="filing"
              value={filing?.id ?? ''}
              onChange={(e) => {
                const chosen = filings.data?.find((f) => f.id === e.target.value);
                if (chosen) change(viewOfFiling(chosen));
              }}
            >
              <option value="">
                {filings.isPending
                  ? 'Đang tải…'
                  : filings.isError
                    ? 'Chưa có danh sách báo cáo đã nộp'
                    : '— Chọn báo cáo —'}
              </option>
              {(filings.data ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title} — kỳ {reportDate(f.period.from)} → {reportDate(f.period.to)}, nộp {formatInstant(f.filedAt)}
                </option>
              ))}
            </select>
          </label>
        )}
        {view.asKnownAt && (
          <button type="button" onClick={() => change({ asKnownAt: '' })}>
            Bỏ so sánh
          </button>
        )}
      </div>
      {view.asKnownAt &&
        (then.isPending || then.isPlaceholderData ? (
          <p className="loading" role="status">
            Đang tính lại số liệu từ nhật ký sự kiện…
          </p>
        ) : then.isError ? (
          <p className="error" role="alert">
            {then.error instanceof ApiError ? then.error.message : 'Không tính được số liệu tại thời điểm này.'}
          </p>
        ) : (
          then.data && <Comparison then={then.data} now={now} filing={filing} />
        ))}
    </section>
  );
}

function Comparison({ then, now, filing }: { then: FiguresReport; now: FiguresReport; filing?: FilingSummary }) {
  const changed = BIEU_06_COLUMNS.filter((c) => c.value(then.total) !== c.value(now.total)).length;
  const when = filing
    ? `theo báo cáo «${filing.title}» (nộp ${formatInstant(filing.filedAt)})`
    : `tại ${formatInstant(then.asKnownAt)}`;
  return (
    <>
      <p role="status">
        Số liệu {when}: {changed === 0 ? 'không khác hiện nay.' : `${changed} chỉ tiêu khác hiện nay (tô đậm).`}
      </p>
      {(then.warnings ?? []).map((w, i) => (
        <p key={i} className="warn">
          {w.message}
        </p>
      ))}
      <table className="comparison" data-testid="comparison">
        <caption className="visually-hidden">Tổng cộng: khi đó và hiện nay</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu (tổng cộng)</th>
            <th scope="col">Khi đó</th>
            <th scope="col">Hiện nay</th>
            <th scope="col">Chênh lệch</th>
          </tr>
        </thead>
        <tbody>
          {BIEU_06_COLUMNS.map((c) => {
            const a = c.value(then.total);
            const b = c.value(now.total);
            return (
              <tr key={c.header} className={a !== b ? 'differs' : undefined} data-differs={a !== b}>
                <th scope="row">{c.header}</th>
                <td className="num">{num(a)}</td>
                <td className="num">{num(b)}</td>
                <td className="num">{a === b ? '—' : signed(b - a)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
