import { dossierIdOf } from '@app/domain';
import { type Checkpoint, type EventPayload, checkpointOf, compareCheckpoints } from '@app/event-store';
import { CounterDeltas, type UnitCounterDelta, type UnitProcedureCounterDelta } from './counter-deltas';
import { type StoredDossier, projectDossier } from './dossier-projection';
import { type DossierRow, dossierRow } from './dossier-row';

/** What a batch will write, computed without touching the database (given the dossiers' stored records). */
export interface PreparedBatch {
  /** The checkpoint the batch was prepared against: its writer requires the generation to be exactly there. */
  after: Checkpoint;
  /** The checkpoint to store with it. */
  checkpoint: Checkpoint;
  fresh: number;
  unreadable: number;
  rows: DossierRow[];
  unitDeltas: UnitCounterDelta[];
  unitProcedureDeltas: UnitProcedureCounterDelta[];
  /** The dossiers' records after the batch (a rebuild keeps them to prepare the next batch without reading them back). */
  changed: StoredDossier[];
}

/** The events after `after` (the page is in log order, so only its head can have been applied already). */
export function freshEvents<E extends EventPayload>(events: readonly E[], after: Checkpoint): readonly E[] {
  let start = 0;
  while (start < events.length && compareCheckpoints(checkpointOf(events[start] as E), after) <= 0) start++;
  return start === 0 ? events : events.slice(start);
}

/** The dossier ids of the events, each once, with their events in stream order. */
export function eventsByDossier<E extends Pick<EventPayload, 'streamId' | 'streamPosition'>>(
  events: readonly E[],
): Map<string, E[]> {
  const byDossier = new Map<string, E[]>();
  for (const event of events) {
    const id = dossierIdOf(event.streamId);
    if (id === null) continue;
    const list = byDossier.get(id);
    if (list) list.push(event);
    else byDossier.set(id, [event]);
  }
  for (const list of byDossier.values()) if (!isSorted(list)) list.sort((a, b) => a.streamPosition - b.streamPosition);
  return byDossier;
}

function isSorted(list: readonly Pick<EventPayload, 'streamPosition'>[]): boolean {
  for (let i = 1; i < list.length; i++)
    if ((list[i] as EventPayload).streamPosition < (list[i - 1] as EventPayload).streamPosition) return false;
  return true;
}

/**
 * Folds each dossier's new events into its stored record and sums the counter changes (new steps − old steps).
 * `byDossier` comes from eventsByDossier(freshEvents(page, after)); `stored` holds the records of those dossiers
 * that exist.
 */
export function prepareBatch(
  byDossier: ReadonlyMap<string, readonly EventPayload[]>,
  stored: ReadonlyMap<string, StoredDossier>,
  window: { after: Checkpoint; to: Checkpoint; fresh: number },
): PreparedBatch {
  const deltas = new CounterDeltas();
  const rows: DossierRow[] = [];
  const changed: StoredDossier[] = [];
  let unreadable = 0;
  for (const [id, list] of byDossier) {
    const change = projectDossier(id, stored.get(id), list);
    unreadable += change.unreadable;
    if (change.applied === 0 || change.after === null) continue;
    deltas.change(change.before, change.after);
    rows.push(dossierRow(change.after, id, change.streamPosition, change.lastGlobalPosition, change.receivedBy));
    changed.push({
      dossierId: id,
      streamPosition: change.streamPosition,
      record: change.after,
      receivedBy: change.receivedBy,
    });
  }
  return {
    after: window.after,
    checkpoint: compareCheckpoints(window.to, window.after) > 0 ? window.to : window.after,
    fresh: window.fresh,
    unreadable,
    rows,
    unitDeltas: deltas.unitDeltas(),
    unitProcedureDeltas: deltas.unitProcedureDeltas(),
    changed,
  };
}
