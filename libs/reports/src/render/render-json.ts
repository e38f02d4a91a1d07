import type { Figures } from '@app/domain';
import type { FiguresReport } from '../figures/figures-report';

/** Figures with the shares also as percentages rounded to one decimal (the ratios stay exact). */
export type FiguresJson = Figures & { sharePercents: { early: number; onTime: number; late: number } };

const percent = (ratio: number): number => Math.round(ratio * 1000) / 10;

function withPercents(f: Figures): FiguresJson {
  return {
    ...f,
    sharePercents: { early: percent(f.shares.early), onTime: percent(f.shares.onTime), late: percent(f.shares.late) },
  };
}

/** The JSON body: every figure, the shares, the reconciliation, the period, the source and asKnownAt. */
export function renderJson(report: FiguresReport): Omit<FiguresReport, 'groups' | 'total'> & {
  groups: (FiguresReport['groups'][number] & { figures: FiguresJson })[];
  total: FiguresJson;
} {
  return {
    ...report,
    groups: report.groups.map((g) => ({ ...g, figures: withPercents(g.figures) })),
    total: withPercents(report.total),
  };
}
