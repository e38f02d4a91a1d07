import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import { APPLICANT_MIGRATIONS } from '@app/applicants';
import { MESSAGING_MIGRATIONS } from '@app/messaging';
import type { Migration } from '@app/platform';

/**
 * The notifier's own schema. `dossiers`: what it keeps of each dossier between events (the code, the applicant as
 * sealed in the log, the appointment). `notifications`: one row per step and channel, written in the same transaction
 * as the consumer's dedupe state (messaging.processed_events), then sent by the sender loop. `position` is the
 * event's stream position: a dossier's notifications go out in their order on each channel.
 */
const NOTIFIER_001_SQL = `
  CREATE SCHEMA IF NOT EXISTS notifier;
  CREATE TABLE notifier.dossiers (
    dossier_id  text        PRIMARY KEY,
    code        text        NOT NULL,
    applicant   jsonb,
    due_date    date,
    updated_at  timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE notifier.notifications (
    id              text        PRIMARY KEY,
    event_id        text        NOT NULL,
    channel         text        NOT NULL CHECK (channel IN ('email', 'sms')),
    kind            text        NOT NULL,
    dossier_id      text        NOT NULL,
    position        bigint      NOT NULL,
    content         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'skipped', 'dead')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    skip_reason     text,
    recorded_at     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz
  );
  CREATE INDEX notifications_due ON notifier.notifications (next_attempt_at) WHERE status = 'pending';
  CREATE INDEX notifications_pending_by_dossier ON notifier.notifications (dossier_id, channel, position)
    WHERE status = 'pending';
  CREATE INDEX notifications_dead ON notifier.notifications (done_at) WHERE status = 'dead';
`;

export const NOTIFIER_OWN_MIGRATIONS: readonly Migration[] = [
  { id: 'notifier/001-notifications', sql: NOTIFIER_001_SQL },
];

/** What the notifier needs at start: the log's (for the vault), the applicants' keys, the dedupe state, its own. */
export const NOTIFIER_MIGRATIONS: readonly Migration[] = [
  ...EVENT_STORE_MIGRATIONS,
  ...APPLICANT_MIGRATIONS,
  ...MESSAGING_MIGRATIONS,
  ...NOTIFIER_OWN_MIGRATIONS,
];
