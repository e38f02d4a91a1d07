import { NAMED_WINDOWS, type Period, type PeriodKind, PERIOD_KINDS, isLocalDate, numberOf, periodOf } from './period';

/** Whose dossiers: the whole province, one level, one unit, several units. */
export const SCOPES = ['province', 'level', 'unit', 'units'] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<Scope, string> = {
  province: 'Toàn tỉnh',
  level: 'Một cấp',
  unit: 'Một đơn vị',
  units: 'Nhiều đơn vị',
};

/** What the figures API groups by (it has no grouping by sector: its procedures carry none). */
export const GROUP_BYS = ['unit', 'level', 'procedure', 'none'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  unit: 'Theo đơn vị',
  level: 'Theo cấp',
  procedure: 'Theo thủ tục',
  none: 'Không chia nhóm (tổng)',
};

export const LEVEL_LABELS: Record<string, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
export const levelLabel = (level: string): string => LEVEL_LABELS[level] ?? level;

/**
 * The period and scope as the URL holds them, shared by the report page and the dashboard (a link reproduces the
 * view): `?kind=quarter&year=2026&n=4&scope=unit&units=hue-pvhcc&groupBy=unit`; custom periods as from/to.
 */
export interface ReportView {
  kind: PeriodKind;
  year: number;
  n: number;
  named: string;
  from: string;
  to: string;
  scope: Scope;
  level: string;
  units: string[];
  groupBy: GroupBy;
  interval: 'day' | 'week';
  /** An instant (ISO with zone) or a filed report's id; empty = no comparison. */
  asKnownAt: string;
}

export function viewOf(
  params: URLSearchParams,
  today: string,
  defaults: { scope: Scope; units: string[] },
): ReportView {
  const kind = (PERIOD_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as PeriodKind)
    : 'quarter';
  const year = Number(params.get('year')) || Number(today.slice(0, 4));
  const n = Number(params.get('n')) || numberOf(kind, today);
  const scope = (SCOPES as readonly string[]).includes(params.get('scope') ?? '')
    ? (params.get('scope') as Scope)
    : defaults.scope;
  const units = (params.get('units') ?? '').split(',').filter((u) => u !== '');
  const groupBy = (GROUP_BYS as readonly string[]).includes(params.get('groupBy') ?? '')
    ? (params.get('groupBy') as GroupBy)
    : scope === 'province' || scope === 'level'
      ? 'level'
      : 'unit';
  return {
    kind,
    year,
    n,
    named: params.get('named') ?? NAMED_WINDOWS[0]!.id,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    scope,
    level: params.get('level') ?? 'province',
    units: units.length > 0 ? units : defaults.units,
    groupBy,
    interval: params.get('interval') === 'day' ? 'day' : 'week',
    asKnownAt: params.get('asKnownAt') ?? '',
  };
}

export function paramsOf(view: ReportView): URLSearchParams {
  const params = new URLSearchParams({ kind: view.kind });
  if (view.kind === 'custom') {
    params.set('from', view.from);
    params.set('to', view.to);
  } else if (view.kind === 'named') params.set('named', view.named);
  else {
    params.set('year', String(view.year));
    if (view.kind !== 'year' && view.kind !== 'window-year') params.set('n', String(view.n));
  }
  params.set('scope', view.scope);
  if (view.scope === 'level') params.set('level', view.level);
  if (view.scope === 'unit' || view.scope === 'units') params.set('units', view.units.join(','));
  params.set('groupBy', view.groupBy);
  if (view.interval !== 'week') params.set('interval', view.interval);
  if (view.asKnownAt) params.set('asKnownAt', view.asKnownAt);
  return params;
}

/** The view's period, or a sentence saying what is wrong with a custom one. */
export function periodOfView(view: ReportView): Period | string {
  if (view.kind === 'named') return (NAMED_WINDOWS.find((w) => w.id === view.named) ?? NAMED_WINDOWS[0]!).period;
  if (view.kind !== 'custom') return periodOf(view.kind, view.year, view.n);
  if (!isLocalDate(view.from)) return 'Vui lòng chọn ngày bắt đầu kỳ báo cáo.';
  if (!isLocalDate(view.to)) return 'Vui lòng chọn ngày kết thúc kỳ báo cáo.';
  if (view.to < view.from) return 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.';
  return { from: view.from, to: view.to };
}

/** The scope as the figures API takes it: `unit=` ids or `level=` levels. */
export function figuresScope(view: ReportView, levelsInForce: string[]): Record<string, string> {
  if (view.scope === 'province') return { level: levelsInForce.join(',') };
  if (view.scope === 'level') return { level: view.level };
  return { unit: (view.scope === 'unit' ? view.units.slice(0, 1) : view.units).join(',') };
}

/** The scope as the dashboard API takes it: `unit=`, `units=` or `level=`; the province as every unit in force. */
export function dashboardScope(view: ReportView, unitsInForce: string[]): Record<string, string> {
  if (view.scope === 'province') return { units: unitsInForce.join(',') };
  if (view.scope === 'level') return { level: view.level };
  if (view.scope === 'unit') return { unit: view.units[0] ?? '' };
  return { units: view.units.join(',') };
}

/** Whether the view's scope names what it needs (a unit for unit scopes). */
export const scopeComplete = (view: ReportView): boolean =>
  view.scope === 'province' || view.scope === 'level' || view.units.length > 0;
