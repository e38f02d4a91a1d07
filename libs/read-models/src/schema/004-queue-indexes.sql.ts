/**
 * read-models/004: the work queue's indexes (003) become partial and covering. They hold only the dossiers a queue
 * lists — open or waiting at their current unit; resolved, to hand back, at their receiving unit: about a tenth of
 * the rows — and carry the columns the queue filters on (procedure, channel, receiving clerk, day of receipt,
 * dossier id), so every tab's count is an index-only range scan, filters included, whatever the size of the table.
 * The queue's statements name the statuses as literals, which the planner needs to use a partial index.
 * No new generation: the function that indexes a generation is replaced, and the active one re-indexed with it.
 */
export const READ_MODELS_004_SQL = /* sql */ `
CREATE OR REPLACE FUNCTION read_models.index_generation(n integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($ddl$
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_receiving_idx ON read_models.dossiers_g%1$s (receiving_unit_id, received_on);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_current_idx ON read_models.dossiers_g%1$s (current_unit_id, status);
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_code_idx ON read_models.dossiers_g%1$s (code);
    DROP INDEX IF EXISTS read_models.dossiers_g%1$s_queue_idx;
    DROP INDEX IF EXISTS read_models.dossiers_g%1$s_return_queue_idx;
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_open_queue_idx
      ON read_models.dossiers_g%1$s (current_unit_id, status, due_date, code)
      INCLUDE (procedure_code, channel, received_by, received_on, dossier_id)
      WHERE status IN ('in_progress', 'awaiting_supplement', 'awaiting_financial_obligation');
    CREATE INDEX IF NOT EXISTS dossiers_g%1$s_to_return_idx
      ON read_models.dossiers_g%1$s (receiving_unit_id, status, due_date, code)
      INCLUDE (procedure_code, channel, received_by, received_on, dossier_id)
      WHERE status = 'resolved';
  $ddl$, n);
END
$fn$;

SELECT read_models.index_generation(id) FROM read_models.generations WHERE status = 'active';
`;
