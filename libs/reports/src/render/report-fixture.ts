import { type Figures, addFigures, emptyFigures } from '@app/domain';
import type { FiguresReport, ReportGroupFigures } from '../figures/figures-report';

/** Figures from counts (shares and reconciliation computed by the domain), for renderer specs. */
export function figuresOf(counts: {
  received: { online: number; counter: number; postal: number };
  carriedOver?: number;
  resolved: { early: number; onTime: number; late: number };
  inProgress: { withinDeadline: number; overdue: number };
  withdrawn?: number;
  stopped?: number;
  waitingSupplement?: number;
  waitingFinancialObligation?: number;
}): Figures {
  const { online, counter, postal } = counts.received;
  const { early, onTime, late } = counts.resolved;
  const { withinDeadline, overdue } = counts.inProgress;
  return addFigures(emptyFigures(), {
    ...emptyFigures(),
    received: { total: online + counter + postal, online, counter, postal, counterAndPostal: counter + postal },
    carriedOver: counts.carriedOver ?? 0,
    resolved: { total: early + onTime + late, early, onTime, late },
    inProgress: { total: withinDeadline + overdue, withinDeadline, overdue },
    withdrawn: counts.withdrawn ?? 0,
    stopped: counts.stopped ?? 0,
    waitingSupplement: counts.waitingSupplement ?? 0,
    waitingFinancialObligation: counts.waitingFinancialObligation ?? 0,
  });
}

export function reportOf(
  groups: ReportGroupFigures[],
  period = { from: '2020-06-10', to: '2020-09-04' },
): FiguresReport {
  return {
    period,
    groupBy: 'level',
    source: 'read-model',
    asKnownAt: null,
    generatedAt: '2020-09-05T01:00:00.000Z',
    eventsReplayed: null,
    groups,
    total: groups.reduce((sum, g) => addFigures(sum, g.figures), emptyFigures()),
  };
}
