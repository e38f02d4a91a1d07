import { APPEND_BATCH_CLAIMS_KEYS_AT_ONCE_SQL } from './003-append-batch-claims-keys-at-once.sql';

const JSONB_PARAMETERS = 'e_data jsonb[], e_metadata jsonb[]';

/** 003's append_batch with its payload parameters as json[]: the texts are stored as sent, byte for byte. */
function appendBatchTakingJson(): string {
  const sql = APPEND_BATCH_CLAIMS_KEYS_AT_ONCE_SQL.replace('CREATE OR REPLACE FUNCTION', 'CREATE FUNCTION');
  if (!sql.includes(JSONB_PARAMETERS)) throw new Error('event-store/004: 003 no longer declares the jsonb parameters');
  return sql.replace(JSONB_PARAMETERS, 'e_data json[], e_metadata json[]');
}

/**
 * event-store/004-payloads-as-canonical-text: `events.data` and `events.metadata` become `json`, holding exactly the
 * canonical JSON text the event's hash was computed over (hash/event-hash.ts; the append sends it already).
 *
 * Why: `verify` reads every payload as text, and PostgreSQL's jsonb → text output was its bottleneck (on this
 * machine, one connection, 1M rows: ~100,000 rows/s from jsonb against 140,000–190,000 from json, which prints the
 * stored text as it is). With the canonical text stored, `verify` hashes what it reads without parsing it
 * (integrity/stored-payload.ts), and the append's input is only validated, not converted.
 *
 * - Existing rows keep PostgreSQL's jsonb text form (`data::text::json`): their hashes still verify, through the
 *   canonicaliser of jsonb text (hash/jsonb-text.ts). The rewrite takes the table's exclusive lock once, at start-up.
 *   Nothing fires the append-only triggers (they refuse UPDATE, DELETE and TRUNCATE; ALTER TABLE is none of them).
 * - json accepts what jsonb refused (`\u0000`, lone surrogates, duplicate keys): the append refuses them itself
 *   (append-batch.ts), and `verify` treats duplicate keys as an alteration.
 * - Readers: `->`, `->>` work on json as on jsonb, and the pg driver parses json columns as it parsed jsonb ones.
 *   Two jsonb-only forms are used on the log's columns by hand-written SQL (specs, operators' queries): the key test
 *   `metadata ? 'key'` and `jsonb_set(data, …)`. Both get a json overload in `public` (on the search path, where
 *   schema_migrations lives too), computed through jsonb. The price: the same call with an untyped literal as its
 *   first argument (`jsonb_set('{…}', …)`, `'{…}' ? 'k'`) is now ambiguous and needs a cast (nothing here does that).
 */
export const PAYLOADS_AS_CANONICAL_TEXT_SQL = /* sql */ `
ALTER TABLE event_store.events
  ALTER COLUMN data TYPE json USING data::text::json,
  ALTER COLUMN metadata TYPE json USING metadata::text::json;

DROP FUNCTION event_store.append_batch(text[], int[], text[], bigint[], int[], text[], int[], jsonb[], jsonb[], text[]);
${appendBatchTakingJson()}

CREATE FUNCTION event_store.json_has_key(value json, key text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT value::jsonb ? key';
CREATE OPERATOR public.? (LEFTARG = json, RIGHTARG = text, FUNCTION = event_store.json_has_key);
CREATE FUNCTION public.jsonb_set(target json, path text[], new_value jsonb, create_if_missing boolean DEFAULT true)
  RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT pg_catalog.jsonb_set(target::jsonb, path, new_value, create_if_missing)';
`;
