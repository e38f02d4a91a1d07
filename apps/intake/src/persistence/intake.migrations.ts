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
  {
    // Codes are now recorded before the receipt's append (so that the append's durable commit covers them), hence
    // a code may name a dossier whose append then failed or was a repeat: many codes, one dossier id. A lookup
    // checks the dossier really bears the code. Both statements may commit asynchronously when the same
    // PostgreSQL holds the event log: the receipt's own commit comes later in the WAL, and flushing it flushes them.
    id: 'intake/003-codes-before-append',
    sql: `
      ALTER TABLE intake.dossier_codes DROP CONSTRAINT IF EXISTS dossier_codes_dossier_id_key;

      CREATE FUNCTION intake.take_code_sequences(p_units text[], p_days date[], p_counts int4[], p_async_commit boolean)
        RETURNS TABLE (unit_code text, local_day text, last_sequence int4) LANGUAGE plpgsql AS $$
      BEGIN
        IF p_async_commit THEN PERFORM set_config('synchronous_commit', 'off', true); END IF;
        RETURN QUERY
          INSERT INTO intake.dossier_code_counters AS c (unit_code, local_day, last_sequence)
          SELECT t.unit_code, t.local_day, t.taken FROM unnest(p_units, p_days, p_counts) WITH ORDINALITY AS t(unit_code, local_day, taken, n) ORDER BY t.n
          ON CONFLICT ON CONSTRAINT dossier_code_counters_pkey DO UPDATE SET last_sequence = c.last_sequence + EXCLUDED.last_sequence
          RETURNING c.unit_code, to_char(c.local_day, 'YYYY-MM-DD'), c.last_sequence;
      END $$;

      CREATE FUNCTION intake.record_codes(p_codes text[], p_dossier_ids uuid[], p_async_commit boolean)
        RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_async_commit THEN PERFORM set_config('synchronous_commit', 'off', true); END IF;
        INSERT INTO intake.dossier_codes (code, dossier_id) SELECT * FROM unnest(p_codes, p_dossier_ids);
      END $$;
    `,
  },
];
