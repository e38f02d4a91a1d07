/**
 * read-models/003: the dossier row names the account that received it (`received_by`, the receipt event's
 * `metadata.actor`), and a generation carries the indexes of the unit's work queue. A change of shape is a new
 * generation (as in 002): this creates one with the new shape and indexes, points the views at it (empty, checkpoint
 * at the start of the log: the projector fills it from the log at start-up) and drops the old one.
 *
 * The work queue's indexes (index_generation, so a rebuild's generation gets them too): a unit's processing tabs by
 * (current_unit_id, status, due_date, code) — the queue's order, so a page is the head of one index range — and the
 * results to hand back by (receiving_unit_id, status, due_date, code).
 */
const MEASURE_COLUMNS = `
    received_counter integer NOT NULL DEFAULT 0,
    received_online integer NOT NULL DEFAULT 0,
    received_postal integer NOT NULL DEFAULT 0,
    resolved_early integer NOT NULL DEFAULT 0,
    resolved_on_time integer NOT NULL DEFAULT 0,
    resolved_late integer NOT NULL DEFAULT 0,
    withdrawn integer NOT NULL DEFAULT 0,
    stopped integer NOT NULL DEFAULT 0,
    waiting_supplement integer NOT NULL DEFAULT 0,
    waiting_financial_obligation integer NOT NULL DEFAULT 0,
    in_progress_within integer NOT NULL DEFAULT 0,
    in_progress_overdue integer NOT NULL DEFAULT 0`;

export const READ_MODELS_003_SQL = /* sql */ `
CREATE OR REPLACE FUNCTION read_models.create_generation() RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  n integer;
BEGIN
  LOCK TABLE read_models.generations IN EXCLUSIVE MODE;
  SELECT coalesce(max(id), 0) + 1 INTO n FROM read_models.generations;
  EXECUTE format($ddl$
    CREATE TABLE read_models.dossiers_g%1$s (
      dossier_id           text        PRIMARY KEY,
      stream_position      integer     NOT NULL,
      last_global_position bigint      NOT NULL,
      code                 text        NOT NULL,
      procedure_code       text        NOT NULL,
      receiving_unit_id    text        NOT NULL,
      competent_unit_id    text        NOT NULL,
      current_unit_id      text        NOT NULL,
      channel              text        NOT NULL,
      status               text        NOT NULL,
      received_at          timestamptz NOT NULL,
      received_on          date        NOT NULL,
      due_date             date,
      appointment_date     date,
      result_at            timestamptz,
      result_on            date,
      outcome              text,
      resolution           text,
      returned_on          date,
      returned_via         text,
      withdrawn_on         date,
      stopped_on           date,
      waiting_for          text,
      waiting_since        date,
      supplement_requests  integer     NOT NULL,
      corrections          integer     NOT NULL,
      last_event_at        timestamptz NOT NULL,
      waits                jsonb       NOT NULL,
      received_by          text
    ) WITH (fillfactor = 80);
    CREATE TABLE read_models.unit_counters_g%1$s (
      unit_id text NOT NULL,
      grain   "char" NOT NULL CHECK (grain IN ('d', 'm', 'y')),
      period  date NOT NULL,
      %2$s,
      PRIMARY KEY (unit_id, grain, period)
    ) WITH (fillfactor = 80);
    CREATE TABLE read_models.unit_procedure_counters_g%1$s (
      unit_id        text NOT NULL,
      procedure_code text NOT NULL,
      grain          "char" NOT NULL CHECK (grain IN ('d', 'm', 'y')),
      period         date NOT NULL,
      %2$s,
      PRIMARY KEY (unit_id, procedure_code, grain, period)
    ) WITH (fillfactor = 80);
  $ddl$, n, '${MEASURE_COLUMNS}');
  INSERT INTO read_models.generations (id, status) VALUES (n, 'building');
  RETURN n;
END
$fn$;

CREATE OR REPLACE FUNCTION read_models.index_generation(n integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($ddl$
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_receiving_idx ON read_models.dossiers_g%1$s (receiving_unit_id, received_on);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_current_idx ON read_models.dossiers_g%1$s (current_unit_id, status);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_code_idx ON read_models.dossiers_g%1$s (code);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_queue_idx
      ON read_models.dossiers_g%1$s (current_unit_id, status, due_date, code);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_return_queue_idx
      ON read_models.dossiers_g%1$s (receiving_unit_id, status, due_date, code);
  $ddl$, n);
END
$fn$;

DO $do$
DECLARE
  old integer;
  n integer;
BEGIN
  PERFORM read_models.drop_generation(id) FROM read_models.generations WHERE status = 'building';
  SELECT id INTO old FROM read_models.generations WHERE status = 'active';
  n := read_models.create_generation();
  PERFORM read_models.index_generation(n);
  DROP VIEW IF EXISTS read_models.dossiers;
  PERFORM read_models.activate_generation(n);
  IF old IS NOT NULL THEN
    PERFORM read_models.drop_generation(old);
  END IF;
END
$do$;
`;
