import { type DossierRecord, type LocalDate, addDays, bucketAt, classifyResult, openStatusAt } from '@app/domain';
import { MEASURE_COUNT, type MeasureVector, measureIndex, zeroVector } from './measures';

/** Where a measure that is already non-zero before every date of the record steps up. */
export const BEGINNING_OF_TIME: LocalDate = '0001-01-01';

/** A change of a dossier's measures at the end of a local day. */
export interface Step {
  day: LocalDate;
  delta: MeasureVector;
}

const RECEIVED = {
  counter: measureIndex('received_counter'),
  online: measureIndex('received_online'),
  postal: measureIndex('received_postal'),
} as const;
const RESOLVED = {
  early: measureIndex('resolved_early'),
  on_time: measureIndex('resolved_on_time'),
  late: measureIndex('resolved_late'),
} as const;
const WITHDRAWN = measureIndex('withdrawn');
const STOPPED = measureIndex('stopped');
const WAITING_SUPPLEMENT = measureIndex('waiting_supplement');
const WAITING_FINANCIAL = measureIndex('waiting_financial_obligation');
const WITHIN = measureIndex('in_progress_within');
const OVERDUE = measureIndex('in_progress_overdue');

/**
 * The dossier's measures at the end of `day`, from the domain's own functions: the flows are "happened on or
 * before the day" (so a period's count is a difference of two days), the states are the domain's bucket at the day
 * and, in progress, its deadline status for a period ending that day.
 */
export function measuresAt(record: DossierRecord, day: LocalDate): MeasureVector {
  const v = zeroVector();
  if (record.receivedOn <= day) v[RECEIVED[record.channel]] = 1;
  if (record.resultOn !== null && record.resultOn <= day)
    v[RESOLVED[classifyResult(record.resultOn, record.dueDate)]] = 1;
  if (record.withdrawnOn !== null && record.withdrawnOn <= day) v[WITHDRAWN] = 1;
  if (record.stoppedOn !== null && record.stoppedOn <= day) v[STOPPED] = 1;
  const bucket = bucketAt(record, day);
  if (bucket === 'waiting_supplement') v[WAITING_SUPPLEMENT] = 1;
  else if (bucket === 'waiting_financial_obligation') v[WAITING_FINANCIAL] = 1;
  else if (bucket === 'in_progress') v[openStatusAt(record, day) === 'within_deadline' ? WITHIN : OVERDUE] = 1;
  return v;
}

const shifted = new Map<string, LocalDate>();

/** addDays(day, ±1), remembered: the same few thousand dates come back for every dossier. */
function dayNextTo(day: LocalDate, delta: 1 | -1): LocalDate {
  const key = delta === 1 ? `+${day}` : `-${day}`;
  let result = shifted.get(key);
  if (result === undefined) {
    result = addDays(day, delta);
    if (shifted.size > 100_000) shifted.clear();
    shifted.set(key, result);
  }
  return result;
}

/**
 * The days on which the measures can change: every date of the record (the domain compares the day with each of
 * them as "on or before") and the day after the due date (within → overdue). Between two of these days, and
 * before the first, measuresAt is constant — a spec checks it day by day against the domain.
 */
export function changeDays(record: DossierRecord): LocalDate[] {
  const days = new Set<LocalDate>([record.receivedOn]);
  for (const day of [record.resultOn, record.withdrawnOn, record.stoppedOn]) if (day !== null) days.add(day);
  for (const wait of record.waits) {
    days.add(wait.from);
    if (wait.to !== null) days.add(wait.to);
  }
  if (record.dueDate !== null) days.add(dayNextTo(record.dueDate, 1));
  return [...days].sort();
}

/** The record's measures as steps: their sum up to any day equals measuresAt(record, day). */
export function stepsOf(record: DossierRecord): Step[] {
  const steps: Step[] = [];
  const days = changeDays(record);
  let previous = measuresAt(record, dayNextTo(days[0] as LocalDate, -1));
  // Constant before the first change day, so a non-zero start holds since forever (never for a consistent record).
  if (previous.some((x) => x !== 0)) steps.push({ day: BEGINNING_OF_TIME, delta: previous });
  for (const day of days) {
    const current = measuresAt(record, day);
    const delta = new Array<number>(MEASURE_COUNT);
    let changed = false;
    for (let i = 0; i < MEASURE_COUNT; i++) {
      delta[i] = (current[i] as number) - (previous[i] as number);
      if (delta[i] !== 0) changed = true;
    }
    if (changed) steps.push({ day, delta });
    previous = current;
  }
  return steps;
}
