import { type Figures, addFigures, emptyFigures } from '@app/domain';
import { type Measure, MEASURES, type MeasureVector, OPEN_MEASURES } from '../projection/measures';

/** The measures of a group (units or a procedure) at the end of the day before `from` and at the end of `to`. */
export interface MeasuresAtCuts {
  before: MeasureVector;
  end: MeasureVector;
}

const at = (v: MeasureVector, m: Measure): number => v[MEASURES.indexOf(m)] ?? 0;

/**
 * Figures of a period from two prefix sums (see projection/measures.ts): flows are end − before, states are their
 * value at `to`, carried over is the open states at the day before `from`. Shares and the reconciliation are the
 * domain's (addFigures recomputes them from the counts).
 */
export function figuresFromMeasures({ before, end }: MeasuresAtCuts): Figures {
  const flow = (m: Measure) => at(end, m) - at(before, m);
  const online = flow('received_online');
  const counter = flow('received_counter');
  const postal = flow('received_postal');
  const early = flow('resolved_early');
  const onTime = flow('resolved_on_time');
  const late = flow('resolved_late');
  const within = at(end, 'in_progress_within');
  const overdue = at(end, 'in_progress_overdue');
  const counts: Figures = {
    ...emptyFigures(),
    received: { total: online + counter + postal, online, counter, postal, counterAndPostal: counter + postal },
    carriedOver: OPEN_MEASURES.reduce((sum, m) => sum + at(before, m), 0),
    resolved: { total: early + onTime + late, early, onTime, late },
    inProgress: { total: within + overdue, withinDeadline: within, overdue },
    withdrawn: flow('withdrawn'),
    stopped: flow('stopped'),
    waitingSupplement: at(end, 'waiting_supplement'),
    waitingFinancialObligation: at(end, 'waiting_financial_obligation'),
  };
  return addFigures(emptyFigures(), counts);
}
