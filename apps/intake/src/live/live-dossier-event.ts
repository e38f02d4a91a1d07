import { dossierIdOf, isReceived } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { DossierAt } from './dossier-folds';

/**
 * What a live stream says of a dossier's event: which dossier, what happened, where it stands now. Positions let a
 * client order what it gets and resume; nothing personal (the applicant's sealed details stay in the log).
 */
export interface LiveDossierEvent {
  dossierId: string;
  code: string;
  type: string;
  streamPosition: number;
  globalPosition: number;
  occurredAt: string;
  recordedAt: string;
  unitIds: string[];
  status: string;
}

/** The live message of a dossier event, or undefined when there is nothing to show (not a received dossier). */
export function liveDossierEvent(event: RecordedEvent, at: DossierAt): LiveDossierEvent | undefined {
  const dossierId = dossierIdOf(event.streamId);
  if (dossierId === null || !isReceived(at.state)) return undefined;
  return {
    dossierId,
    code: at.state.dossier.code,
    type: event.type,
    streamPosition: event.streamPosition,
    globalPosition: event.globalPosition,
    occurredAt: String(event.data.occurredAt),
    recordedAt: event.recordedAt.toISOString(),
    unitIds: [...at.units].sort(),
    status: at.state.status,
  };
}
