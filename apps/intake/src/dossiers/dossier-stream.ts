import { type DossierEvent, type DossierState, evolve, initialDossierState, upcast } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

export const dossierStreamId = (dossierId: string): string => `dossier-${dossierId}`;
export const receiptRefusalStreamId = (refusalId: string): string => `receipt-refusal-${refusalId}`;

/** A dossier as folded from its stream: the state decide needs and the version to append after. */
export interface LoadedDossier {
  state: DossierState;
  version: number;
  events: RecordedEvent[];
}

export function toDomainEvent(recorded: RecordedEvent): DossierEvent {
  return upcast({ type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data });
}

export function foldRecorded(events: readonly RecordedEvent[], from: DossierState = initialDossierState): DossierState {
  return events.reduce((state, event) => evolve(state, toDomainEvent(event)), from);
}
