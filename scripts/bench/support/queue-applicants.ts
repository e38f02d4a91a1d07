import type { Pool } from 'pg';
import type { BlindIndex } from '@app/applicants';

export const BENCH_APPLICANTS = 500_000;

/** The CCCD number of bench applicant `j` (1-based): 046 + 9 digits. */
export const benchCccd = (j: number): string => `046${String(j).padStart(9, '0')}`;

/**
 * The applicants' index of the bench: `BENCH_APPLICANTS` people (names in the index as the receipts leave them) who
 * filed the dossiers in turn (two each); the first `searchable` have the real blind-index digest of their CCCD, so a
 * search by ID number goes the real way (the others' digests are placeholders: no data key, nothing sealed).
 */
export async function insertQueueApplicants(
  pool: Pool,
  blind: BlindIndex,
  dossiers: number,
  searchable = 1000,
): Promise<void> {
  await pool.query(
    `INSERT INTO applicants.applicants (applicant_id, identity_digest, master_key_id, wrapped_key, full_name, search_name, unit_ids)
     SELECT 'bench-a-' || j, 'bench-digest-' || j, 'bench', '\\x00'::bytea, 'Nguyễn Văn Bench ' || j, 'nguyen van bench ' || j, '{}'
     FROM generate_series(1, $1::int) AS j`,
    [BENCH_APPLICANTS],
  );
  await pool.query(
    `INSERT INTO applicants.applicant_dossiers (applicant_id, dossier_id, unit_id)
     SELECT 'bench-a-' || ((i % $2::int) + 1), 'bench-' || i, '' FROM generate_series(1, $1::int) AS i`,
    [dossiers, BENCH_APPLICANTS],
  );
  const ids = Array.from({ length: searchable }, (_, k) => k + 1);
  await pool.query(
    `UPDATE applicants.applicants AS a SET identity_digest = v.digest
     FROM unnest($1::text[], $2::text[]) AS v(applicant_id, digest) WHERE a.applicant_id = v.applicant_id`,
    [ids.map((j) => `bench-a-${j}`), ids.map((j) => blind.digest('id:cccd', benchCccd(j)))],
  );
  await pool.query('VACUUM ANALYZE applicants.applicants, applicants.applicant_dossiers');
}
