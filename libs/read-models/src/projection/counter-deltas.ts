import type { DossierRecord, LocalDate } from '@app/domain';
import { MEASURE_COUNT, type MeasureVector, zeroVector } from './measures';
import { stepsOf } from './record-steps';

export type Grain = 'd' | 'm' | 'y';

export interface UnitCounterDelta {
  unitId: string;
  grain: Grain;
  period: LocalDate;
  delta: MeasureVector;
}

export interface UnitProcedureCounterDelta extends UnitCounterDelta {
  procedureCode: string;
}

const SEP = '\u0000';

/** The periods a day's step is added to: the day, its month, its year. */
export function periodsOf(day: LocalDate): [Grain, LocalDate][] {
  return [
    ['d', day],
    ['m', `${day.slice(0, 7)}-01`],
    ['y', `${day.slice(0, 4)}-01-01`],
  ];
}

/**
 * The counter changes of a batch: each dossier whose record changed contributes its new steps minus its old ones,
 * summed per (unit, grain, period) and per (unit, procedure, grain, period). Keys whose sum is zero are dropped.
 */
export class CounterDeltas {
  private readonly units = new Map<string, MeasureVector>();
  private readonly procedures = new Map<string, MeasureVector>();

  /** Adds (sign +1) or removes (sign −1) a record's steps. */
  add(record: DossierRecord, sign: 1 | -1): void {
    for (const step of stepsOf(record)) {
      for (const [grain, period] of periodsOf(step.day)) {
        accumulate(this.units, [record.receivingUnitId, grain, period].join(SEP), step.delta, sign);
        accumulate(this.procedures, [record.receivingUnitId, record.procedureCode, grain, period].join(SEP), step.delta, sign);
      }
    }
  }

  /** Replaces a dossier's old record by its new one (either may be null). */
  change(before: DossierRecord | null, after: DossierRecord | null): void {
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
  }

  unitDeltas(): UnitCounterDelta[] {
    return nonZero(this.units).map(([key, delta]) => {
      const [unitId, grain, period] = key.split(SEP) as [string, Grain, LocalDate];
      return { unitId, grain, period, delta };
    });
  }

  unitProcedureDeltas(): UnitProcedureCounterDelta[] {
    return nonZero(this.procedures).map(([key, delta]) => {
      const [unitId, procedureCode, grain, period] = key.split(SEP) as [string, string, Grain, LocalDate];
      return { unitId, procedureCode, grain, period, delta };
    });
  }
}

function accumulate(map: Map<string, MeasureVector>, key: string, delta: MeasureVector, sign: number): void {
  let vector = map.get(key);
  if (!vector) {
    vector = zeroVector();
    map.set(key, vector);
  }
  for (let i = 0; i < MEASURE_COUNT; i++) vector[i] = (vector[i] as number) + sign * (delta[i] as number);
}

function nonZero(map: Map<string, MeasureVector>): [string, MeasureVector][] {
  return [...map].filter(([, vector]) => vector.some((x) => x !== 0));
}
