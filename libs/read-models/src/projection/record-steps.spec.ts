import fc from 'fast-check';
import { type DossierRecord, addDays, computeFigures, dossierRecordFrom } from '@app/domain';
import { periodArb } from '@app/domain/testing';
import { figuresFromMeasures } from '../figures/figures-from-measures';
import { historyScriptArb, runHistory } from '../testing/histories';
import { MEASURE_COUNT, type MeasureVector, zeroVector } from './measures';
import { changeDays, measuresAt, stepsOf } from './record-steps';

const recordsOf = (scripts: Parameters<typeof runHistory>[0][]): DossierRecord[] =>
  scripts.map((s, i) => dossierRecordFrom(runHistory(s, i, 'p').events)).filter((r): r is DossierRecord => r !== null);

/** Sum of the records' steps up to the end of `day`. */
function prefix(records: readonly DossierRecord[], day: string): MeasureVector {
  const v = zeroVector();
  for (const record of records)
    for (const step of stepsOf(record))
      if (step.day <= day) for (let i = 0; i < MEASURE_COUNT; i++) v[i] = (v[i] as number) + (step.delta[i] as number);
  return v;
}

describe('a record as steps of its measures', () => {
  it('sums, up to any day, to the measures the domain gives for that day', () => {
    fc.assert(
      fc.property(fc.array(historyScriptArb(), { minLength: 1, maxLength: 8 }), (scripts) => {
        for (const record of recordsOf(scripts)) {
          const days = changeDays(record);
          const first = addDays(days[0] as string, -3);
          const last = addDays(days[days.length - 1] as string, 3);
          for (let day = first; day <= last; day = addDays(day, 1))
            expect(prefix([record], day)).toEqual(measuresAt(record, day));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the figures of computeFigures for any period (two prefix sums)', () => {
    fc.assert(
      fc.property(
        fc.array(historyScriptArb(), { minLength: 1, maxLength: 40 }),
        fc.array(periodArb(), { minLength: 1, maxLength: 6 }),
        (scripts, periods) => {
          const records = recordsOf(scripts);
          for (const period of periods) {
            const measures = { before: prefix(records, addDays(period.from, -1)), end: prefix(records, period.to) };
            expect(figuresFromMeasures(measures)).toEqual(computeFigures(records, period));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('has no steps before the receipt and none that cancel within a day', () => {
    fc.assert(
      fc.property(fc.array(historyScriptArb(), { minLength: 1, maxLength: 10 }), (scripts) => {
        for (const record of recordsOf(scripts)) {
          const steps = stepsOf(record);
          expect(steps[0]?.day).toBe(record.receivedOn);
          for (const step of steps) expect(step.delta.some((x) => x !== 0)).toBe(true);
          expect(new Set(steps.map((s) => s.day)).size).toBe(steps.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the read-model history generator', () => {
  it('corrects receiving units and procedures besides what the domain generator does', () => {
    const samples = fc.sample(historyScriptArb(), { numRuns: 400, seed: 42 });
    const corrected = samples
      .map((s, i) => runHistory(s, i, 'g').events)
      .flatMap((events) => events.filter((e) => e.type === 'EntryCorrected'))
      .map((e) => (e.type === 'EntryCorrected' ? Object.keys(e.data.changes) : []));
    expect(corrected.some((keys) => keys.includes('receivingUnitId'))).toBe(true);
    expect(corrected.some((keys) => keys.includes('procedureCode'))).toBe(true);
    expect(corrected.some((keys) => keys.includes('channel'))).toBe(true);
  });
});
