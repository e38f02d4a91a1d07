import { type DossierState, evolve, initialDossierState, upcast } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** A dossier as folded from its stream: the state decide needs and the version to append after. */
export interface LoadedDossier {
  state: DossierState;
  version: number;
  events: RecordedEvent[];
}

/** Folds recorded events (upcast; a history this build cannot read fails rather than being decided on). */
export function foldRecorded(events: readonly RecordedEvent[], from: DossierState = initialDossierState): DossierState {
  return events.reduce((state, event) => evolve(state, upcast(event)), from);
}
