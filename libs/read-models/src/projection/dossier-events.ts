import { type DossierEvent, UpcastError, upcast } from '@app/domain';
import type { EventPayload } from '@app/event-store';

/** Dossier streams are `dossier-<id>`; everything else in the log (reference data, receipt refusals) is not projected. */
export const DOSSIER_STREAM_PREFIX = 'dossier-';

export function dossierIdOf(streamId: string): string | null {
  return streamId.startsWith(DOSSIER_STREAM_PREFIX) ? streamId.slice(DOSSIER_STREAM_PREFIX.length) : null;
}

/**
 * The domain event of a recorded dossier event, upcast to the current schema; null for an event this build cannot
 * read (unknown type or version). The projector and the auditor's replay both skip exactly these, so they agree.
 */
export function toDossierEvent(event: Pick<EventPayload, 'type' | 'schemaVersion' | 'data'>): DossierEvent | null {
  try {
    return upcast({ type: event.type, schemaVersion: event.schemaVersion, data: event.data });
  } catch (error) {
    if (error instanceof UpcastError) return null;
    throw error;
  }
}
