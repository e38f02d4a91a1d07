import type { LocalDate } from '../time/local-date';
import type { DossierRecord } from './dossier-record';

/** Where a dossier is at the end of a local day. Exactly one. */
export type Bucket =
  | 'not_received'
  | 'resolved'
  | 'withdrawn'
  | 'stopped'
  | 'waiting_supplement'
  | 'waiting_financial_obligation'
  | 'in_progress';

export const BUCKETS: readonly Bucket[] = ['not_received', 'resolved', 'withdrawn', 'stopped', 'waiting_supplement', 'waiting_financial_obligation', 'in_progress'];
export const TERMINAL_BUCKETS: readonly Bucket[] = ['resolved', 'withdrawn', 'stopped'];

export const isTerminal = (bucket: Bucket): boolean => TERMINAL_BUCKETS.includes(bucket);

const onOrBefore = (date: LocalDate | null, day: LocalDate): boolean => date !== null && date <= day;

/**
 * The bucket at the end of `day`: not received yet; resolved (a result recorded on or before the day — handed
 * over or not); withdrawn; stopped; waiting for a supplement or a financial obligation requested on or before
 * the day and not ended by then; otherwise in progress.
 */
export function bucketAt(record: DossierRecord, day: LocalDate): Bucket {
  if (record.receivedOn > day) return 'not_received';
  if (onOrBefore(record.resultOn, day)) return 'resolved';
  if (onOrBefore(record.withdrawnOn, day)) return 'withdrawn';
  if (onOrBefore(record.stoppedOn, day)) return 'stopped';
  for (let i = record.waits.length - 1; i >= 0; i--) {
    const wait = record.waits[i];
    if (wait && wait.from <= day && (wait.to === null || wait.to > day)) {
      return wait.kind === 'supplement' ? 'waiting_supplement' : 'waiting_financial_obligation';
    }
  }
  return 'in_progress';
}
