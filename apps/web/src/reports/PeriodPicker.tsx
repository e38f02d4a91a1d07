import { useId } from 'react';
import { todayLocal } from '../lib/time';
import {
  COUNT_IN_YEAR,
  NAMED_WINDOWS,
  PERIOD_KIND_LABELS,
  PERIOD_KINDS,
  type PeriodKind,
  nameOf,
  numberOf,
  reportDate,
} from './period';
import { useUnitsInPeriod } from './queries';
import type { useReportView } from './useReportView';
import { GROUP_BYS, GROUP_BY_LABELS, SCOPES, SCOPE_LABELS, type Scope, levelLabel } from './view';

type ViewState = ReturnType<typeof useReportView>;

/**
 * The period and the scope of the report page and the dashboard, kept in the URL: kind of period (calendar month,
 * quarter, six months, year; the 15 → 14 reporting windows; a window a report used; custom dates), the province /
 * a level / a unit / several units (those in force in the period the user may read), and the grouping.
 */
export function PeriodPicker({ state, show }: { state: ViewState; show: 'groupBy' | 'interval' }) {
  const { view, period, periodProblem, everyUnit, granted, change } = state;
  const id = useId();
  const inPeriod = useUnitsInPeriod(period);
  const choosable = inPeriod.filter((u) => everyUnit || granted.includes(u.id));
  const levels = [...new Set(inPeriod.map((u) => u.level).filter((l): l is string => !!l))];
  const scopes = SCOPES.filter((s) => everyUnit || s === 'unit' || s === 'units');
  const thisYear = Number(todayLocal().slice(0, 4));
  const years = Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i);
  const count = COUNT_IN_YEAR[view.kind];

  const setKind = (kind: PeriodKind) => {
    const today = todayLocal();
    change({ kind, n: numberOf(kind, today), from: view.from || period?.from || '', to: view.to || period?.to || '' });
  };
  const setScope = (scope: Scope) =>
    change({
      scope,
      groupBy: scope === 'province' || scope === 'level' ? 'level' : 'unit',
      units: scope === 'unit' ? view.units.slice(0, 1) : view.units,
    });
  const toggleUnit = (unitId: string, on: boolean) =>
    change({ units: on ? [...new Set([...view.units, unitId])] : view.units.filter((u) => u !== unitId) });

  return (
    <form className="period-picker card" aria-label="Kỳ báo cáo và phạm vi" onSubmit={(e) => e.preventDefault()}>
      <div className="picker-row">
        <label>
          <span>Loại kỳ</span>
          <select name="kind" value={view.kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {PERIOD_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {view.kind !== 'custom' && view.kind !== 'named' && (
          <label>
            <span>Năm</span>
            <select name="year" value={view.year} onChange={(e) => change({ year: Number(e.target.value) })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        {count && (
          <label>
            <span>{view.kind === 'month' ? 'Tháng' : view.kind.endsWith('half') ? 'Nửa năm' : 'Quý'}</span>
            <select name="n" value={view.n} onChange={(e) => change({ n: Number(e.target.value) })}>
              {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {nameOf(view.kind, view.year, n)}
                </option>
              ))}
            </select>
          </label>
        )}
        {view.kind === 'named' && (
          <label>
            <span>Kỳ báo cáo</span>
            <select name="named" value={view.named} onChange={(e) => change({ named: e.target.value })}>
              {NAMED_WINDOWS.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {view.kind === 'custom' && (
          <>
            <label>
              <span>Từ ngày</span>
              <input
                type="date"
                name="from"
                value={view.from}
                aria-invalid={periodProblem !== null && !view.from}
                onChange={(e) => change({ from: e.target.value })}
              />
            </label>
            <label>
              <span>Đến ngày</span>
              <input
                type="date"
                name="to"
                value={view.to}
                aria-invalid={periodProblem !== null && !!view.to}
                onChange={(e) => change({ to: e.target.value })}
              />
            </label>
          </>
        )}
        <p className="period-shown" id={`${id}-period`} aria-live="polite">
          {period ? (
            <>
              Từ ngày <strong>{reportDate(period.from)}</strong> đến ngày <strong>{reportDate(period.to)}</strong>
            </>
          ) : (
            <span className="error">{periodProblem}</span>
          )}
        </p>
      </div>
      <div className="picker-row">
        <label>
          <span>Phạm vi</span>
          <select name="scope" value={view.scope} onChange={(e) => setScope(e.target.value as Scope)}>
            {scopes.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {view.scope === 'level' && (
          <label>
            <span>Cấp</span>
            <select name="level" value={view.level} onChange={(e) => change({ level: e.target.value })}>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          </label>
        )}
        {view.scope === 'unit' && (
          <label>
            <span>Đơn vị</span>
            <select
              name="unit"
              value={view.units[0] ?? ''}
              onChange={(e) => change({ units: [e.target.value] })}
              className="unit-choice"
            >
              {!choosable.some((u) => u.id === view.units[0]) && <option value="">— Chọn đơn vị —</option>}
              {choosable.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {show === 'groupBy' && (
          <label>
            <span>Chia nhóm</span>
            <select
              name="groupBy"
              value={view.groupBy}
              onChange={(e) => change({ groupBy: e.target.value as (typeof GROUP_BYS)[number] })}
            >
              {GROUP_BYS.map((g) => (
                <option key={g} value={g}>
                  {GROUP_BY_LABELS[g]}
                </option>
              ))}
            </select>
          </label>
        )}
        {show === 'interval' && (
          <label>
            <span>Chia theo</span>
            <select
              name="interval"
              value={view.interval}
              onChange={(e) => change({ interval: e.target.value === 'day' ? 'day' : 'week' })}
            >
              <option value="week">Tuần</option>
              <option value="day">Ngày</option>
            </select>
          </label>
        )}
      </div>
      {view.scope === 'units' && (
        <fieldset className="unit-checks">
          <legend>Các đơn vị (đang hoạt động trong kỳ)</legend>
          {choosable.length === 0 && <p>Không có đơn vị nào hoạt động trong kỳ này.</p>}
          {choosable.map((u) => (
            <label key={u.id} className="check">
              <input
                type="checkbox"
                name="units"
                value={u.id}
                checked={view.units.includes(u.id)}
                onChange={(e) => toggleUnit(u.id, e.target.checked)}
              />
              {u.name}
            </label>
          ))}
        </fieldset>
      )}
      {view.scope === 'unit' && choosable.length === 0 && (
        <p className="warn">Không có đơn vị nào của tài khoản hoạt động trong kỳ này.</p>
      )}
    </form>
  );
}
