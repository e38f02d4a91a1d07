/**
 * read-models/002: the dossier row keeps the domain record as columns (plus its waits as jsonb) instead of a copy of
 * the whole record in jsonb — half the bytes per row, which is most of the cost of a rebuild. A change of shape is a
 * new generation: this creates one with the new shape, points the views at it (empty, checkpoint at the start of the
 * log: the projector fills it from the log at start-up) and drops the old one.
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

export const READ_MODELS_002_SQL = /* sql */ `
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
      waits                jsonb       NOT NULL
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
