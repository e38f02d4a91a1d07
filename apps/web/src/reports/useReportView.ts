import { useSearchParams } from 'wouter';
import { useSession, unitsOf } from '../api/session';
import { useUnit } from '../app/unit';
import { todayLocal } from '../lib/time';
import type { Period } from './period';
import { type ReportView, paramsOf, periodOfView, viewOf } from './view';

/** The view in the URL (shared by the report page and the dashboard), its period, and how to change it. */
export function useReportView(): {
  view: ReportView;
  period: Period | null;
  periodProblem: string | null;
  everyUnit: boolean;
  granted: string[];
  change(changes: Partial<ReportView>): void;
  search: string;
} {
  const session = useSession().data;
  const granted = session ? unitsOf(session) : [];
  const everyUnit = granted.includes('*');
  const { unitId } = useUnit();
  const [params, setParams] = useSearchParams();
  const view = viewOf(params, todayLocal(), {
    scope: everyUnit ? 'province' : 'unit',
    units: unitId ? [unitId] : granted.slice(0, 1),
  });
  const period = periodOfView(view);
  return {
    view,
    period: typeof period === 'string' ? null : period,
    periodProblem: typeof period === 'string' ? period : null,
    everyUnit,
    granted,
    change: (changes) => setParams(paramsOf({ ...view, ...changes }), { replace: true }),
    search: paramsOf(view).toString(),
  };
}
