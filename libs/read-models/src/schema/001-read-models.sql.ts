/**
 * read-models/001: the generation control table, the functions that create / index / activate / drop a generation's
 * tables, generation 1 (active, empty, checkpoint at the start of the log) and the views readers use.
 *
 * A generation's tables:
 * - dossiers_g<n>: one row per received dossier — the domain's DossierRecord (jsonb, the projection state) and its
 *   fields as columns for the counters' and auditors' queries; stream_position guards against applying an event twice.
 * - unit_counters_g<n> (unit, grain, period) and unit_procedure_counters_g<n> (unit, procedure, grain, period): the
 *   measures' steps (see projection/measures.ts) summed per day (grain 'd'), month ('m', period = first day) and
 *   year ('y', period = 1 January), so a prefix sum up to any day reads at most ~45 rows per unit.
 * The views read_models.dossiers / unit_counters / unit_procedure_counters point at the active generation.
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

export const READ_MODELS_001_SQL = /* sql */ `
CREATE SCHEMA IF NOT EXISTS read_models;

CREATE TABLE read_models.generations (
  id               integer     PRIMARY KEY,
  status           text        NOT NULL CHECK (status IN ('building', 'active', 'retired', 'dropped')),
  transaction_id   xid8        NOT NULL DEFAULT '0',
  global_position  bigint      NOT NULL DEFAULT 0,
  events_projected bigint      NOT NULL DEFAULT 0,
  started_at       timestamptz NOT NULL DEFAULT now(),
  caught_up_at     timestamptz,
  activated_at     timestamptz,
  retired_at       timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX generations_one_active ON read_models.generations ((true)) WHERE status = 'active';
CREATE UNIQUE INDEX generations_one_building ON read_models.generations ((true)) WHERE status = 'building';

CREATE FUNCTION read_models.create_generation() RETURNS integer LANGUAGE plpgsql AS $fn$
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
      record               jsonb       NOT NULL
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

CREATE FUNCTION read_models.index_generation(n integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($ddl$
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_receiving_idx ON read_models.dossiers_g%1$s (receiving_unit_id, received_on);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_current_idx ON read_models.dossiers_g%1$s (current_unit_id, status);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_code_idx ON read_models.dossiers_g%1$s (code);
  $ddl$, n);
END
$fn$;

CREATE FUNCTION read_models.activate_generation(n integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE read_models.generations SET status = 'retired', retired_at = now(), updated_at = now() WHERE status = 'active' AND id <> n;
  UPDATE read_models.generations SET status = 'active', activated_at = now(), caught_up_at = coalesce(caught_up_at, now()), updated_at = now()
    WHERE id = n;
  EXECUTE format($ddl$
    CREATE OR REPLACE VIEW read_models.dossiers AS SELECT * FROM read_models.dossiers_g%1$s;
    CREATE OR REPLACE VIEW read_models.unit_counters AS SELECT * FROM read_models.unit_counters_g%1$s;
    CREATE OR REPLACE VIEW read_models.unit_procedure_counters AS SELECT * FROM read_models.unit_procedure_counters_g%1$s;
  $ddl$, n);
END
$fn$;

CREATE FUNCTION read_models.drop_generation(n integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM read_models.generations WHERE id = n AND status = 'active') THEN
    RAISE EXCEPTION 'read-model generation % is active and cannot be dropped', n;
  END IF;
  EXECUTE format($ddl$
    DROP TABLE IF EXISTS read_models.dossiers_g%1$s;
    DROP TABLE IF EXISTS read_models.unit_counters_g%1$s;
    DROP TABLE IF EXISTS read_models.unit_procedure_counters_g%1$s;
  $ddl$, n);
  UPDATE read_models.generations SET status = 'dropped', updated_at = now() WHERE id = n;
END
$fn$;

SELECT read_models.index_generation(read_models.create_generation());
SELECT read_models.activate_generation(1);
`;
