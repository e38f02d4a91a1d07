/**
 * read-models/006: where each worker of a partitioned rebuild (`rebuild --workers K`) stands. While a `building`
 * generation is filled by K workers, each owns the dossiers received by its share of the units (the units listed
 * here, assigned as their first receipt is met) and keeps its own checkpoint in the same transaction as its rows: an
 * interrupted rebuild resumes each partition where it stopped. When every partition has reached the end of the log
 * the coordinator moves the generation's own checkpoint there (one transaction) and deletes these rows; the rest of
 * the rebuild (indexes, last catch-up, switch-over) is the single-process one.
 */
export const READ_MODELS_006_SQL = /* sql */ `
CREATE TABLE read_models.rebuild_partitions (
  generation_id    integer     NOT NULL REFERENCES read_models.generations (id),
  partition        integer     NOT NULL CHECK (partition >= 0),
  partitions       integer     NOT NULL CHECK (partition < partitions),
  transaction_id   xid8        NOT NULL,
  global_position  bigint      NOT NULL,
  events_projected bigint      NOT NULL DEFAULT 0,
  units            text[]      NOT NULL DEFAULT '{}',
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (generation_id, partition)
);
`;
