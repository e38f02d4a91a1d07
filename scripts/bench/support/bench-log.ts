import type { EventStore } from '@app/event-store';
import { appendLog, chronologicalLog } from '@app/read-models/testing';
import { fmt, nowMs } from './latency';
import { progress } from './reports-timing';
import { withSealedApplicants } from './sealed-applicants';

/** The bench log of bench:reports and bench:verify: dossiers received over four years from 2020, in time order. */
export const BENCH_LOG_FROM = '2020-01-01';
export const BENCH_LOG_DAYS = 4 * 365 + 1;

/** One line describing the log a bench generates. */
export function benchLogLine(dossiers: number, seed: number, applicants = false): string {
  return `${fmt(dossiers)} dossiers received ${BENCH_LOG_FROM} + ${BENCH_LOG_DAYS} days (seed ${seed})${applicants ? ', every receipt with a sealed applicant' : ''}`;
}

/**
 * Generates the bench log and appends it (the dossiers interleaved, as a one-stop system writes them), showing
 * progress; prints how long it took (not a target).
 */
export async function appendBenchLog(
  store: EventStore,
  options: { dossiers: number; seed: number; applicants?: boolean },
): Promise<{ events: number; streams: number }> {
  const started = nowMs();
  const shown = progress('appending');
  const log = chronologicalLog({
    seed: options.seed,
    dossiers: options.dossiers,
    from: BENCH_LOG_FROM,
    days: BENCH_LOG_DAYS,
  });
  const appended = await appendLog(store, options.applicants ? withSealedApplicants(log) : log, {
    perAppend: 1000,
    inFlight: 3,
    onProgress: (events) => shown(events, 'events'),
  });
  console.log(
    `generated and appended ${fmt(appended.events)} events of ${fmt(appended.streams)} dossiers in ${fmt((nowMs() - started) / 1000, 1)} s (not a target)`,
  );
  return appended;
}
