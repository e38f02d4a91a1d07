import { type DossierRecord, type Period, computeFigures, evolveRecord, toDossierEvent } from '@app/domain';
import { type Checkpoint, type RecordedEvent, compareCheckpoints } from '@app/event-store';
import {
  type FigureCounts,
  type FigureKey,
  FIGURE_KEYS,
  countsDelta,
  countsOf,
  isZero,
  zeroCounts,
} from './figure-keys';

/** An event recorded after a filing that changed where a dossier counts in the filed period. */
export interface MovingEvent {
  type: string;
  /** Business time (when it happened, as recorded). */
  occurredAt: string;
  /** When the store recorded it. */
  recordedAt: string;
  actor: string | null;
  actorName: string | null;
  globalPosition: number;
  transactionId: string;
  streamPosition: number;
}

/** Which lines of a report a dossier counts in (a line key, and the total). */
export type LineMembership = (record: DossierRecord) => string[];

/** One dossier's move between the filing and now: per line and figure, its change and the events that made it. */
export interface DossierMove {
  dossierId: string;
  code: string | null;
  lines: Map<string, { change: FigureCounts; events: Map<FigureKey, MovingEvent[]> }>;
}

function contributions(record: DossierRecord | null, period: Period, lines: LineMembership): Map<string, FigureCounts> {
  const result = new Map<string, FigureCounts>();
  if (!record) return result;
  const counts = countsOf(computeFigures([record], period));
  for (const line of lines(record)) result.set(line, counts);
  return result;
}

function movingEvent(event: RecordedEvent): MovingEvent {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    type: event.type,
    occurredAt: event.data.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actor: text(event.metadata.actor),
    actorName: text(event.metadata.actorName),
    globalPosition: event.globalPosition,
    transactionId: event.transactionId,
    streamPosition: event.streamPosition,
  };
}

/**
 * Folds a dossier's stream up to the filing's position, then event by event up to now's: each event that changes the
 * dossier's contribution to a line is kept, for the figures it changed. The changes of one dossier add up to the
 * difference between its contribution now and when filed — so the dossiers' changes add up to each figure's.
 */
export function dossierMove(
  dossierId: string,
  stream: readonly RecordedEvent[],
  positions: { filed: Checkpoint; now: Checkpoint },
  period: Period,
  lines: LineMembership,
): DossierMove | null {
  let record: DossierRecord | null = null;
  let code: string | null = null;
  const fold = (event: RecordedEvent): void => {
    const dossierEvent = toDossierEvent(event);
    if (dossierEvent === null) return;
    if (dossierEvent.type === 'DossierReceived') code = dossierEvent.data.code;
    record = evolveRecord(record, dossierEvent);
  };
  const tail: RecordedEvent[] = [];
  for (const event of stream) {
    if (compareCheckpoints(event, positions.filed) <= 0) fold(event);
    else if (compareCheckpoints(event, positions.now) <= 0) tail.push(event);
  }
  const move: DossierMove = { dossierId, code: null, lines: new Map() };
  let before = contributions(record, period, lines);
  for (const event of tail) {
    fold(event);
    const after = contributions(record, period, lines);
    for (const line of new Set([...before.keys(), ...after.keys()])) {
      const step = countsDelta(before.get(line) ?? zeroCounts(), after.get(line) ?? zeroCounts());
      if (isZero(step)) continue;
      const entry = move.lines.get(line) ?? { change: zeroCounts(), events: new Map() };
      for (const figure of FIGURE_KEYS) {
        if (step[figure] === 0) continue;
        entry.change[figure] += step[figure];
        entry.events.set(figure, [...(entry.events.get(figure) ?? []), movingEvent(event)]);
      }
      move.lines.set(line, entry);
    }
    before = after;
  }
  move.code = code;
  return move.lines.size > 0 ? move : null;
}
