/**
 * read-models/005: the per-unit-and-procedure counters get an index on (unit, grain, period). Their primary key leads
 * with (unit, procedure), so the prefix sums of the dashboard and of the figures by procedure (whole years, months
 * of the year, days of the month, for every procedure of the units) could not range-scan it and read the whole
 * table; with this index each grain's rows are one bounded range per unit, as on unit_counters (whose key is
 * already (unit, grain, period)). Everything of 004 is kept.
 * No new generation: the function that indexes a generation is replaced, and the active one re-indexed with it.
 */
export const READ_MODELS_005_SQL = /* sql */ `
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
    CREATE INDEX IF NOT EXISTS unit_procedure_counters_g%1$s_period_idx
      ON read_models.unit_procedure_counters_g%1$s (unit_id, grain, period);
  $ddl$, n);
END
$fn$;

SELECT read_models.index_generation(id) FROM read_models.generations WHERE status = 'active';
`;
