/**
 * applicants/001: what the applicants lib keeps beside the log. The log holds applicants' details only encrypted;
 * here are the keys to read them and what finds them — all of it deleted for an applicant whose data is erased.
 * - applicants: one row per applicant: their data key wrapped by a master key (never in clear), the keyed HMAC of
 *   their identity document (exact look-up without the value), their name for the search of the staff of their
 *   units, the HMACs of their phones;
 * - phones: phone HMAC → applicant (a phone may be shared);
 * - applicant_dossiers: which dossiers an applicant filed, at which unit;
 * - access_log: who displayed whose personal data, when, and why — append-only (updates and deletes refused).
 */
export const APPLICANTS_001_SQL = /* sql */ `
CREATE SCHEMA IF NOT EXISTS applicants;

CREATE TABLE applicants.applicants (
  applicant_id    text        PRIMARY KEY,
  -- the blind index of their identity document: one applicant per document
  identity_digest text        NOT NULL UNIQUE,
  master_key_id   text        NOT NULL,
  wrapped_key     bytea       NOT NULL,
  full_name       text        NOT NULL,
  search_name     text        NOT NULL,
  unit_ids        text[]      NOT NULL,
  phone_digests   text[]      NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  rewrapped_at    timestamptz
);

CREATE TABLE applicants.phones (
  digest        text NOT NULL,
  applicant_id  text NOT NULL,
  PRIMARY KEY (digest, applicant_id)
);

CREATE TABLE applicants.applicant_dossiers (
  applicant_id  text        NOT NULL,
  dossier_id    text        NOT NULL,
  unit_id       text        NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (applicant_id, dossier_id)
);

CREATE TABLE applicants.access_log (
  id            bigserial   PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor         text        NOT NULL,
  actor_name    text        NOT NULL,
  applicant_id  text        NOT NULL,
  dossier_id    text,
  purpose       text        NOT NULL
);
CREATE INDEX access_log_by_applicant ON applicants.access_log (applicant_id, at);

CREATE FUNCTION applicants.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'applicants.access_log is append-only';
END
$fn$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON applicants.access_log
  FOR EACH STATEMENT EXECUTE FUNCTION applicants.refuse_change();
`;
