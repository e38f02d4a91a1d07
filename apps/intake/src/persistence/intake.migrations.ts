import type { Migration } from '@app/platform';

/** The intake's own small tables: dossier codes (daily sequences and code → dossier). */
export const INTAKE_MIGRATIONS: readonly Migration[] = [
  {
    id: 'intake/001-codes-and-idempotency',
    sql: `
      CREATE SCHEMA IF NOT EXISTS intake;

      -- Daily sequence per receiving unit (Decree 61/2018 Art. 26): <unit code>-<YYMMDD>-<sequence>.
      CREATE TABLE intake.dossier_code_counters (
        unit_code text NOT NULL,
        local_day date NOT NULL,
        last_sequence integer NOT NULL,
        PRIMARY KEY (unit_code, local_day)
      );

      -- Every code ever issued, never reused, and the dossier it names.
      CREATE TABLE intake.dossier_codes (
        code text PRIMARY KEY,
        dossier_id uuid NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL DEFAULT now()
      );

      -- The first answer to a request sent with an Idempotency-Key, replayed for repeats.
      CREATE TABLE intake.idempotent_requests (
        principal text NOT NULL,
        idempotency_key text NOT NULL,
        fingerprint text NOT NULL,
        status_code integer NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, idempotency_key)
      );
    `,
  },
  {
    // Idempotency now lives in one place: the event store's key plus the request's fingerprint in the event
    // metadata (see DossierRepository); a separate table of HTTP answers was a second source of truth.
    id: 'intake/002-drop-idempotent-requests',
    sql: 'DROP TABLE IF EXISTS intake.idempotent_requests;',
  },
];
