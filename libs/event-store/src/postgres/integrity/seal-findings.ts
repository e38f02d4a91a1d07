import type { IntegrityProblem, SealExport } from '../../event-store.port';
import type { RecordedAtSuspect, SealRecomputed } from './scan-range';

/** Compares each sealed range as it is now with its seal, in words. */
export function sealFindings(seals: readonly SealExport[], recomputed: readonly SealRecomputed[]): IntegrityProblem[] {
  const byNumber = new Map(recomputed.map((r) => [r.sealNumber, r]));
  const problems: IntegrityProblem[] = [];
  for (const seal of seals) {
    const now = byNumber.get(seal.sealNumber);
    if (!now || (now.eventCount === seal.eventCount && now.sealHash === seal.sealHash)) continue;
    const range = `seal #${seal.sealNumber} (global positions ${seal.after.globalPosition + 1}–${seal.upTo.globalPosition}, sealed ${seal.createdAt})`;
    const difference = now.eventCount - seal.eventCount;
    let detail: string;
    if (difference < 0)
      detail = `${range}: the range now holds ${now.eventCount} events, the seal counted ${seal.eventCount}: ${-difference} event(s) were deleted from it`;
    else if (difference > 0)
      detail = `${range}: the range now holds ${now.eventCount} events, the seal counted ${seal.eventCount}: ${difference} event(s) were inserted into it`;
    else
      detail = `${range}: the same number of events, but not as sealed: an event's recording time (recorded_at), place in the log or hash was changed`;
    const suspect = now.suspects[0];
    problems.push({
      kind: 'seal_broken',
      sealNumber: seal.sealNumber,
      ...(suspect ? { streamId: suspect.streamId, streamPosition: suspect.streamPosition } : {}),
      detail: suspect ? `${detail}; ${backdated(suspect)}` : detail,
    });
  }
  return problems;
}

/** A recording time out of line, in words. */
export function backdated(suspect: RecordedAtSuspect): string {
  return `the event at ${suspect.streamId} position ${suspect.streamPosition} says it was recorded at ${iso(suspect.recordedAtMicros)}, before events earlier in the log (${iso(suspect.afterMicros)}): its recorded_at was likely moved back`;
}

function iso(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}
