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
    // One round trip issues a receipt's code: the next number of its unit and day, recorded with the dossier id
    // before the receipt is appended. A number may thus name a dossier whose append then failed or was a repeat
    // (many numbers, one dossier id); a lookup checks the dossier bears the code. Codes are kept as their parts
    // (unit code, local day, number): the format is the domain's (formatDossierCode / parseDossierCode).
    // The statement may commit asynchronously when the same PostgreSQL holds the event log: the receipt's own
    // commit comes later in the WAL, and flushing it flushes this one.
    id: 'intake/003-codes-issued-in-one-statement',
    sql: `
      CREATE TABLE intake.issued_codes (
        unit_code text NOT NULL,
        local_day date NOT NULL,
        sequence integer NOT NULL,
        dossier_id uuid NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_code, local_day, sequence)
      );
      INSERT INTO intake.issued_codes (unit_code, local_day, sequence, dossier_id, issued_at)
        SELECT substring(code FROM '^(.*)-[0-9]{6}-[0-9]+$'), to_date(substring(code FROM '-([0-9]{6})-[0-9]+$'), 'YYMMDD'),
               substring(code FROM '-([0-9]+)$')::int, dossier_id, issued_at
        FROM intake.dossier_codes;
      DROP TABLE intake.dossier_codes;

      CREATE FUNCTION intake.issue_codes(p_units text[], p_days date[], p_dossier_ids uuid[], p_async_commit boolean)
        RETURNS TABLE (request bigint, sequence integer) LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      BEGIN
        IF p_async_commit THEN PERFORM set_config('synchronous_commit', 'off', true); END IF;
        RETURN QUERY
          WITH requests AS (
            SELECT r.unit_code, r.local_day, r.dossier_id, r.n,
                   row_number() OVER (PARTITION BY r.unit_code, r.local_day ORDER BY r.n) AS k,
                   count(*) OVER (PARTITION BY r.unit_code, r.local_day) AS taken
            FROM unnest(p_units, p_days, p_dossier_ids) WITH ORDINALITY AS r(unit_code, local_day, dossier_id, n)
          ), counters AS (
            -- counters locked in one fixed order, so that concurrent statements never deadlock
            INSERT INTO intake.dossier_code_counters AS c (unit_code, local_day, last_sequence)
            SELECT DISTINCT r.unit_code, r.local_day, r.taken::int FROM requests AS r ORDER BY 1, 2
            ON CONFLICT ON CONSTRAINT dossier_code_counters_pkey DO UPDATE SET last_sequence = c.last_sequence + EXCLUDED.last_sequence
            RETURNING c.unit_code, c.local_day, c.last_sequence
          ), numbered AS (
            SELECT r.n, r.unit_code, r.local_day, r.dossier_id, (c.last_sequence - r.taken + r.k)::int AS sequence
            FROM requests AS r JOIN counters AS c ON c.unit_code = r.unit_code AND c.local_day = r.local_day
          ), issued AS (
            INSERT INTO intake.issued_codes (unit_code, local_day, sequence, dossier_id)
            SELECT nb.unit_code, nb.local_day, nb.sequence, nb.dossier_id FROM numbered AS nb
          )
          SELECT nb.n, nb.sequence FROM numbered AS nb ORDER BY nb.n;
      END $$;
    `,
  },
  {
    // A repeat takes no number, and a unit's day ends at the code format's last number (DOMAIN.md § Dossier code;
    // docs/dossier-codes.md). A request names its dossier; the dossier id of a request sent with an
    // Idempotency-Key is derived from the key, so a repeat names the same dossier:
    // - 'held': the dossier already holds a number of this unit and day → that number again, nothing consumed;
    // - 'held_elsewhere': it holds one of another unit or day (a repeat after midnight, or a retry of a receipt whose
    //   first attempt failed) → nothing consumed, the caller looks at the log and asks again with p_fresh if needed;
    // - 'issued': the next number; two copies of one request in a batch share it;
    // - 'exhausted': the day's numbers are all issued (p_max_sequence); the counter stops moving.
    id: 'intake/004-repeats-keep-their-code',
    sql: `
      CREATE INDEX issued_codes_dossier_idx ON intake.issued_codes (dossier_id);
      DROP FUNCTION intake.issue_codes(text[], date[], uuid[], boolean);

      CREATE FUNCTION intake.issue_codes(p_units text[], p_days date[], p_dossier_ids uuid[], p_fresh boolean[],
          p_async_commit boolean, p_max_sequence integer)
        RETURNS TABLE (request bigint, sequence integer, outcome text) LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      BEGIN
        IF p_async_commit THEN PERFORM set_config('synchronous_commit', 'off', true); END IF;
        RETURN QUERY
          WITH requests AS (
            SELECT r.unit_code, r.local_day, r.dossier_id, r.fresh, r.n
            FROM unnest(p_units, p_days, p_dossier_ids, p_fresh) WITH ORDINALITY AS r(unit_code, local_day, dossier_id, fresh, n)
          ), held AS (
            SELECT r.n,
                   min(i.sequence) FILTER (WHERE i.unit_code = r.unit_code AND i.local_day = r.local_day) AS same_day,
                   bool_or(NOT r.fresh) AS elsewhere
            FROM requests AS r JOIN intake.issued_codes AS i ON i.dossier_id = r.dossier_id
            GROUP BY r.n
          ), wanted AS (
            SELECT DISTINCT ON (r.unit_code, r.local_day, r.dossier_id) r.unit_code, r.local_day, r.dossier_id, r.n
            FROM requests AS r LEFT JOIN held AS h ON h.n = r.n
            WHERE h.n IS NULL OR (h.same_day IS NULL AND NOT h.elsewhere)
            ORDER BY r.unit_code, r.local_day, r.dossier_id, r.n
          ), ranked AS (
            SELECT w.unit_code, w.local_day, w.dossier_id,
                   row_number() OVER (PARTITION BY w.unit_code, w.local_day ORDER BY w.n) AS k,
                   count(*) OVER (PARTITION BY w.unit_code, w.local_day) AS taken
            FROM wanted AS w
          ), counters AS (
            -- counters locked in one fixed order, so that concurrent statements never deadlock; a counter at the
            -- last number no longer moves (the row is locked but not updated, and not returned)
            INSERT INTO intake.dossier_code_counters AS c (unit_code, local_day, last_sequence)
            SELECT DISTINCT r.unit_code, r.local_day, r.taken::int FROM ranked AS r ORDER BY 1, 2
            ON CONFLICT ON CONSTRAINT dossier_code_counters_pkey DO UPDATE SET last_sequence = c.last_sequence + EXCLUDED.last_sequence
              WHERE c.last_sequence < p_max_sequence
            RETURNING c.unit_code, c.local_day, c.last_sequence
          ), numbered AS (
            SELECT r.unit_code, r.local_day, r.dossier_id, (c.last_sequence - r.taken + r.k)::int AS sequence
            FROM ranked AS r JOIN counters AS c ON c.unit_code = r.unit_code AND c.local_day = r.local_day
          ), issued AS (
            INSERT INTO intake.issued_codes (unit_code, local_day, sequence, dossier_id)
            SELECT nb.unit_code, nb.local_day, nb.sequence, nb.dossier_id FROM numbered AS nb WHERE nb.sequence <= p_max_sequence
          )
          SELECT r.n,
                 COALESCE(h.same_day, CASE WHEN nb.sequence <= p_max_sequence THEN nb.sequence END),
                 CASE WHEN h.same_day IS NOT NULL THEN 'held'
                      WHEN h.elsewhere THEN 'held_elsewhere'
                      WHEN nb.sequence <= p_max_sequence THEN 'issued'
                      ELSE 'exhausted' END
          FROM requests AS r
          LEFT JOIN held AS h ON h.n = r.n
          LEFT JOIN numbered AS nb ON nb.unit_code = r.unit_code AND nb.local_day = r.local_day AND nb.dossier_id = r.dossier_id
          ORDER BY r.n;
      END $$;
    `,
  },
];
