import {
  type DossierEvent,
  type LocalDate,
  type SealedApplicantData,
  dossierIdOf,
  localDateOf,
  toDossierEvent,
} from '@app/domain';
import type { NotificationContent } from '../templates/message';

/**
 * What the notifier remembers of a dossier between its events (its own table `notifier.dossiers`): later events
 * carry neither the code nor the applicant. The applicant stays sealed here as in the log; erasing their key makes
 * it unreadable here too.
 */
export interface DossierFacts {
  dossierId: string;
  code: string;
  applicant: SealedApplicantData | null;
  dueDate: LocalDate | null;
}

export interface Plan {
  /** The dossier's facts after the event (undefined: unchanged). */
  facts?: DossierFacts;
  /** What to tell the applicant (empty: nothing). */
  notify: NotificationContent[];
}

const NOTHING: Plan = { notify: [] };

/**
 * Pure: from one event of the topic and what is known of its dossier, the facts to keep and the notifications to
 * send. Events of other streams (applicants, accounts, reference data) and steps citizens are not told about plan
 * nothing; so does a step of a dossier whose receipt had no applicant (nobody to tell).
 */
export function planNotifications(
  event: { streamId: string; type: string; schemaVersion: number; data: unknown },
  known: DossierFacts | undefined,
): Plan {
  const dossierId = dossierIdOf(event.streamId);
  if (!dossierId) return NOTHING;
  const e: DossierEvent | null = toDossierEvent(event);
  if (!e) return NOTHING;
  if (e.type === 'DossierReceived') {
    const facts: DossierFacts = {
      dossierId,
      code: e.data.code,
      applicant: e.data.applicant ?? null,
      dueDate: e.data.dueDate,
    };
    return {
      facts,
      notify: facts.applicant
        ? [
            {
              kind: 'received',
              code: e.data.code,
              procedureCode: e.data.procedureCode,
              receivedOn: localDateOf(e.data.receivedAt),
              dueDate: e.data.dueDate,
            },
          ]
        : [],
    };
  }
  if (!known) return NOTHING;
  const tell = (content: NotificationContent, facts?: DossierFacts): Plan => ({
    facts,
    notify: known.applicant ? [content] : [],
  });
  switch (e.type) {
    case 'SupplementRequested':
      return tell({
        kind: 'supplement-requested',
        code: known.code,
        requestedOn: localDateOf(e.data.occurredAt),
        reason: e.data.reason,
        documents: e.data.documents ?? [],
      });
    case 'ResultRecorded':
      return tell({ kind: 'result-ready', code: known.code, outcome: e.data.outcome });
    case 'DueDateRescheduled':
      return tell(
        {
          kind: 'rescheduled',
          code: known.code,
          previousDueDate: known.dueDate,
          newAppointmentDate: e.data.newAppointmentDate,
          reason: e.data.reason,
        },
        { ...known, dueDate: e.data.newAppointmentDate },
      );
    case 'SupplementReceived':
      return { facts: { ...known, dueDate: e.data.newDueDate }, notify: [] };
    case 'EntryCorrected': {
      const { applicant, dueDate } = e.data.changes;
      if (applicant === undefined && dueDate === undefined) return NOTHING;
      return {
        facts: {
          ...known,
          applicant: applicant ?? known.applicant,
          dueDate: dueDate === undefined ? known.dueDate : dueDate,
        },
        notify: [],
      };
    }
    default:
      return NOTHING;
  }
}
