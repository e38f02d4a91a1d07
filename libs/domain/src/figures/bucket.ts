import type { DossierStatus } from '../dossier/state';
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

export const BUCKETS: readonly Bucket[] = [
  'not_received',
  'resolved',
  'withdrawn',
  'stopped',
  'waiting_supplement',
  'waiting_financial_obligation',
  'in_progress',
];
export const TERMINAL_BUCKETS: readonly Bucket[] = ['resolved', 'withdrawn', 'stopped'];

export const isTerminal = (bucket: Bucket): boolean => TERMINAL_BUCKETS.includes(bucket);

/**
 * The bucket at the end of `day`: not received yet; resolved (a result recorded on or before the day — handed
 * over or not); withdrawn; stopped; waiting for a supplement or a financial obligation requested on or before
 * the day and not ended by then; otherwise in progress.
 */
export function bucketAt(record: DossierRecord, day: LocalDate): Bucket {
  if (record.receivedOn > day) return 'not_received';
  return receivedBucket(record, (date) => date !== null && date <= day);
}

/**
 * The dossier's status as the counters see it now, off its record: returned once handed back, otherwise the
 * bucket after everything recorded. The decider's `evolve` reaches the same status from the events (a property
 * spec holds them to it).
 */
export function statusOf(record: DossierRecord): Exclude<DossierStatus, 'none' | 'refused_at_receipt'> {
  if (record.returnedOn !== null) return 'returned';
  return STATUS_OF_BUCKET[receivedBucket(record, (date) => date !== null)];
}

const STATUS_OF_BUCKET = {
  resolved: 'resolved',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
  waiting_supplement: 'awaiting_supplement',
  waiting_financial_obligation: 'awaiting_financial_obligation',
  in_progress: 'in_progress',
} as const satisfies Record<Exclude<Bucket, 'not_received'>, DossierStatus>;

/**
 * The one precedence of a received dossier's situation, given which dates have come (`happened`): a result, then
 * a withdrawal, then a stop, then the latest wait on the applicant not ended, otherwise in progress.
 */
function receivedBucket(
  record: DossierRecord,
  happened: (date: LocalDate | null) => boolean,
): Exclude<Bucket, 'not_received'> {
  if (happened(record.resultOn)) return 'resolved';
  if (happened(record.withdrawnOn)) return 'withdrawn';
  if (happened(record.stoppedOn)) return 'stopped';
  for (let i = record.waits.length - 1; i >= 0; i--) {
    const wait = record.waits[i];
    if (wait && happened(wait.from) && !happened(wait.to)) {
      return wait.kind === 'supplement' ? 'waiting_supplement' : 'waiting_financial_obligation';
    }
  }
  return 'in_progress';
}
