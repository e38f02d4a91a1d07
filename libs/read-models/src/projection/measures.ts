/**
 * The per-unit counters hold, for each measure, +1/−1 steps at the local day a dossier enters or leaves it.
 * The value of a measure at the end of day t is the sum of its steps on or before t (a prefix sum).
 *
 * - flows only ever step up: received by channel (on the day of receipt), resolved by class (on the result day),
 *   withdrawn, stopped. "In the period" = value at `to` − value at the day before `from`.
 * - states step up and down: waiting for a supplement or a financial obligation, in progress within the deadline,
 *   in progress overdue. "At the end of the period" = value at `to`; carried over = the four at the day before
 *   `from`.
 *
 * A correction moves a dossier's steps (other day, unit, procedure, channel, class): the projector subtracts the
 * old record's steps and adds the new ones.
 */
export const MEASURES = [
  'received_counter',
  'received_online',
  'received_postal',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'withdrawn',
  'stopped',
  'waiting_supplement',
  'waiting_financial_obligation',
  'in_progress_within',
  'in_progress_overdue',
] as const;

export type Measure = (typeof MEASURES)[number];
export const MEASURE_COUNT = MEASURES.length;

/** A value per measure, in MEASURES order. */
export type MeasureVector = number[];

export const zeroVector = (): MeasureVector => new Array<number>(MEASURE_COUNT).fill(0);

export function measureIndex(measure: Measure): number {
  return MEASURES.indexOf(measure);
}

/** The measures whose value at the day before `from` is the carried-over count. */
export const OPEN_MEASURES: readonly Measure[] = [
  'waiting_supplement',
  'waiting_financial_obligation',
  'in_progress_within',
  'in_progress_overdue',
];
