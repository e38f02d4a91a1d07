import fc from 'fast-check';
import type { DossierEvent, DossierState } from '../dossier';
import { context } from '../testing/dossier-fixtures';
import { dossierScriptArb, periodArb, runScript } from '../testing/dossier-generators';
import { localDateOf } from '../time/local-date';
import { bucketAt, type Bucket } from './bucket';
import { dossierRecordFrom, type DossierRecord } from './dossier-record';
import { addFigures, computeFigures, emptyFigures, type Figures } from './figures';

const outflow = (f: Figures) =>
  f.resolved.total + f.inProgress.total + f.withdrawn + f.stopped + f.waitingSupplement + f.waitingFinancialObligation;
const inflow = (f: Figures) => f.carriedOver + f.received.total;

const EXPECTED_BUCKET: Record<DossierState['status'], Bucket | null> = {
  none: null,
  refused_at_receipt: null,
  in_progress: 'in_progress',
  awaiting_supplement: 'waiting_supplement',
  awaiting_financial_obligation: 'waiting_financial_obligation',
  resolved: 'resolved',
  returned: 'resolved',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
};

function dueDatesOf(events: DossierEvent[]): string[] {
  return events.flatMap((e) => {
    if (e.type === 'DossierReceived') return e.data.dueDate === null ? [] : [e.data.dueDate];
    if (e.type === 'SupplementReceived') return e.data.newDueDate === null ? [] : [e.data.newDueDate];
    if (e.type === 'EntryCorrected') return e.data.changes.dueDate ? [e.data.changes.dueDate] : [];
    return [];
  });
}

describe('figures over random but valid histories', () => {
  const scenario = fc.tuple(
    fc.array(dossierScriptArb(), { minLength: 1, maxLength: 40 }),
    fc.array(periodArb(), { minLength: 1, maxLength: 5 }),
  );

  it('reconcile to 0, put every dossier in scope in exactly one place, and add up per dossier', () => {
    fc.assert(
      fc.property(scenario, ([scripts, periods]) => {
        const runs = scripts.map(runScript);
        const records = runs.map((r) => dossierRecordFrom(r.events)).filter((r): r is DossierRecord => r !== null);
        for (const period of periods) {
          const total = computeFigures(records, period);
          expect(total.reconciliation.difference).toBe(0);
          expect(inflow(total)).toBe(outflow(total));
          expect(total.resolved.early + total.resolved.onTime + total.resolved.late).toBe(total.resolved.total);
          expect(total.inProgress.withinDeadline + total.inProgress.overdue).toBe(total.inProgress.total);
          let summed = emptyFigures();
          let inScope = 0;
          for (const record of records) {
            const one = computeFigures([record], period);
            expect(outflow(one)).toBe(inflow(one));
            expect(inflow(one)).toBeLessThanOrEqual(1);
            inScope += inflow(one);
            summed = addFigures(summed, one);
          }
          expect(outflow(total)).toBe(inScope);
          expect(summed).toEqual(total);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('give every due date as a working day on or after the local date of receipt', () => {
    fc.assert(
      fc.property(fc.array(dossierScriptArb(), { minLength: 1, maxLength: 20 }), (scripts) => {
        for (const [i, script] of scripts.entries()) {
          const { events } = runScript(script, i);
          for (const due of dueDatesOf(events)) expect(context.calendar.isWorkingDay(due)).toBe(true);
          const record = dossierRecordFrom(events);
          if (record?.dueDate) {
            expect(record.dueDate >= record.receivedOn).toBe(true);
            expect(context.calendar.isWorkingDay(record.dueDate)).toBe(true);
          }
          if (record?.resultOn) expect(record.resultOn >= record.receivedOn).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('agree with the decider: the final state and the record land in the same bucket', () => {
    fc.assert(
      fc.property(fc.array(dossierScriptArb(), { minLength: 1, maxLength: 20 }), (scripts) => {
        for (const [i, script] of scripts.entries()) {
          const { events, state } = runScript(script, i);
          const record = dossierRecordFrom(events);
          const expected = EXPECTED_BUCKET[state.status];
          if (expected === null) expect(record).toBeNull();
          else {
            expect(bucketAt(record!, '2099-12-31')).toBe(expected);
            expect(record!.dueDate).toBe(
              state.status === 'none' || state.status === 'refused_at_receipt' ? null : state.dossier.dueDate,
            );
            expect(record!.receivedOn).toBe(
              localDateOf(
                state.status === 'none' || state.status === 'refused_at_receipt' ? '' : state.dossier.receivedAt,
              ),
            );
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the history generator', () => {
  it('reaches every status and every event type, and exercises rejections', () => {
    const statuses = new Set<string>();
    const types = new Set<string>();
    let rejected = 0;
    const samples = fc.sample(dossierScriptArb(), { numRuns: 400, seed: 20200610 });
    samples.forEach((script, i) => {
      const run = runScript(script, i);
      statuses.add(run.state.status);
      run.events.forEach((e) => types.add(e.type));
      rejected += run.rejected;
    });
    expect([...statuses].sort()).toEqual([
      'awaiting_financial_obligation',
      'awaiting_supplement',
      'in_progress',
      'refused_at_receipt',
      'resolved',
      'returned',
      'stopped',
      'withdrawn',
    ]);
    expect(types.size).toBe(13);
    expect(rejected).toBeGreaterThan(0);
  });
});
