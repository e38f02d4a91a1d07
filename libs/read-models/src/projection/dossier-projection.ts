import { type DossierRecord, evolveRecord, toDossierEvent } from '@app/domain';
import { type EventPayload, actorOf } from '@app/event-store';

/**
 * What the dossiers table holds of a dossier between batches: its record, the last stream position applied, and who
 * received it (the receipt event's actor: not part of the domain's record).
 */
export interface StoredDossier {
  dossierId: string;
  streamPosition: number;
  record: DossierRecord;
  receivedBy: string | null;
}

export interface DossierChange {
  dossierId: string;
  before: DossierRecord | null;
  after: DossierRecord | null;
  /** Position of the last event folded (an unreadable event does not move it, so batch boundaries never matter). */
  streamPosition: number;
  lastGlobalPosition: number;
  /** Events folded (those at or below the stored stream position are skipped: already applied). */
  applied: number;
  /** Events this build cannot read (unknown type or schema version). */
  unreadable: number;
  /** The account that recorded the receipt (`metadata.actor` of DossierReceived), kept from the stored row after. */
  receivedBy: string | null;
}

/**
 * Folds a dossier's new events (in stream order) into its stored record with the domain's evolveRecord — the same
 * fold the auditor's replay uses, so the stored record is the one dossierRecordFrom gives for the whole stream.
 */
export function projectDossier(
  dossierId: string,
  stored: StoredDossier | undefined,
  events: readonly EventPayload[],
): DossierChange {
  const before = stored?.record ?? null;
  let record = before;
  let streamPosition = stored?.streamPosition ?? 0;
  let lastGlobalPosition = 0;
  let applied = 0;
  let unreadable = 0;
  let receivedBy = stored?.receivedBy ?? null;
  for (const recorded of events) {
    if (recorded.streamPosition <= streamPosition) continue;
    const event = toDossierEvent(recorded);
    if (event === null) {
      unreadable++;
      continue;
    }
    record = evolveRecord(record, event);
    if (event.type === 'DossierReceived') receivedBy = actorOf(recorded);
    streamPosition = recorded.streamPosition;
    lastGlobalPosition = recorded.globalPosition;
    applied++;
  }
  return { dossierId, before, after: record, streamPosition, lastGlobalPosition, applied, unreadable, receivedBy };
}
