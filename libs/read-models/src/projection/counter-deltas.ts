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

/** "d2020-06-10" / "m2020-06" / "y2020" → grain and first day of the period. */
function periodOfKey(key: string): [Grain, LocalDate] {
  const grain = key.charAt(0) as Grain;
  const rest = key.slice(1);
  return [grain, grain === 'd' ? rest : grain === 'm' ? `${rest}-01` : `${rest}-01-01`];
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
    const unit = record.receivingUnitId + SEP;
    const procedure = unit + record.procedureCode + SEP;
    for (const step of stepsOf(record)) {
      const day = step.day;
      const periods = ['d' + day, 'm' + day.slice(0, 7), 'y' + day.slice(0, 4)];
      for (const period of periods) {
        accumulate(this.units, unit + period, step.delta, sign);
        accumulate(this.procedures, procedure + period, step.delta, sign);
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
      const [unitId, period] = key.split(SEP) as [string, string];
      const [grain, start] = periodOfKey(period);
      return { unitId, grain, period: start, delta };
    });
  }

  unitProcedureDeltas(): UnitProcedureCounterDelta[] {
    return nonZero(this.procedures).map(([key, delta]) => {
      const [unitId, procedureCode, period] = key.split(SEP) as [string, string, string];
      const [grain, start] = periodOfKey(period);
      return { unitId, procedureCode, grain, period: start, delta };
    });
  }
}

function accumulate(map: Map<string, MeasureVector>, key: string, delta: MeasureVector, sign: number): void {
  let vector = map.get(key);
  if (!vector) {
    vector = zeroVector();
    map.set(key, vector);
  }
  for (let i = 0; i < MEASURE_COUNT; i++) {
    const d = delta[i] as number;
    if (d !== 0) vector[i] = (vector[i] as number) + sign * d;
  }
}

function nonZero(map: Map<string, MeasureVector>): [string, MeasureVector][] {
  const result: [string, MeasureVector][] = [];
  for (const entry of map) if (entry[1].some((x) => x !== 0)) result.push(entry);
  return result;
}
