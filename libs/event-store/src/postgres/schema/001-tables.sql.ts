/**
 * event-store/001-tables: the append-only log and its companions.
 *
 * - events: one row per event. global_position is an identity (insertion order, with gaps from rolled-back
 *   transactions); the delivery order of the global log is (transaction_id, global_position), read only below
 *   the oldest in-flight transaction (see read-all.ts). recorded_at is clock_timestamp() at insert, i.e. the
 *   store's clock a moment before commit (all events of one append share the transaction, not the instant).
 * - streams: the head of each stream (version, last hash), locked to check the expected version and extend the
 *   chain; version 0 = the stream does not exist (a placeholder left by a failed first append).
 * - idempotency_keys: key -> the stream positions the first append wrote (its result is re-read from events).
 * - checkpoints: consumers' positions, saved by the consumer in its own transaction.
 * - seals: periodic seals over ranges of the global log (seal.ts).
 */
export const TABLES_SQL = /* sql */ `
CREATE SCHEMA IF NOT EXISTS event_store;

CREATE TABLE event_store.events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id       text        NOT NULL,
  stream_position bigint      NOT NULL CHECK (stream_position >= 1),
  type            text        NOT NULL,
  schema_version  integer     NOT NULL CHECK (schema_version >= 1),
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  hash            text        NOT NULL,
  prev_hash       text,
  CONSTRAINT events_stream_position_key UNIQUE (stream_id, stream_position)
);
CREATE INDEX events_global_order_idx ON event_store.events (transaction_id, global_position);

CREATE TABLE event_store.streams (
  stream_id text   PRIMARY KEY,
  version   bigint NOT NULL DEFAULT 0,
  last_hash text
) WITH (fillfactor = 70);

CREATE TABLE event_store.idempotency_keys (
  key            text        PRIMARY KEY,
  stream_ids     text[]      NOT NULL,
  from_positions bigint[]    NOT NULL,
  to_positions   bigint[]    NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE event_store.checkpoints (
  consumer        text        PRIMARY KEY,
  transaction_id  xid8        NOT NULL,
  global_position bigint      NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE event_store.seals (
  seal_number           bigint      PRIMARY KEY,
  after_transaction_id  xid8        NOT NULL,
  after_global_position bigint      NOT NULL,
  up_to_transaction_id  xid8        NOT NULL,
  up_to_global_position bigint      NOT NULL,
  event_count           bigint      NOT NULL,
  prev_seal_hash        text,
  seal_hash             text        NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now()
);

-- Nothing ever updates or deletes an event or a seal. The triggers fire for every role, superusers included;
-- only a deliberate bypass (session_replication_role = replica, or disabling the trigger) gets past them.
CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Corrections are recorded as new events.';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.events
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change();
CREATE TRIGGER seals_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.seals
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change();
`;
