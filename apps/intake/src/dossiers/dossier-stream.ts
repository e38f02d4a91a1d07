import { type DossierState, evolve, initialDossierState, upcast } from '@app/domain';
import type { StreamFold } from '@app/event-store';

/** A dossier's stream folds into the decider's state (upcast first: a history this build cannot read fails, never decided on). */
export const DOSSIER_FOLD: StreamFold<DossierState> = {
  initialState: initialDossierState,
  evolve: (state, event) => evolve(state, upcast(event)),
};
