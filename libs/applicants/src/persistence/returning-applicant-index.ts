import type { Pool } from 'pg';

/** An applicant found again: their id and their latest dossiers (newest first), by which their details are read. */
export interface ApplicantSeen {
  applicantId: string;
  dossierIds: string[];
}

/** How many of an applicant's latest dossiers are read for their current details. */
export const LATEST_DOSSIERS = 20;

/**
 * Of these applicants (the blind index found them), the one last seen — among those seen at these units (`*`: any) —
 * with their latest dossiers. Nothing is decrypted here; an erased applicant has no row.
 */
export async function applicantLastSeen(
  pool: Pool,
  applicantIds: readonly string[],
  units: readonly string[] | '*',
): Promise<ApplicantSeen | undefined> {
  if (applicantIds.length === 0 || (units !== '*' && units.length === 0)) return undefined;
  const { rows } = await pool.query<{ applicant_id: string; dossier_ids: string[] }>({
    name: 'applicants-last-seen',
    text: `SELECT a.applicant_id, ARRAY(SELECT d.dossier_id FROM applicants.applicant_dossiers d
               WHERE d.applicant_id = a.applicant_id ORDER BY d.recorded_at DESC LIMIT $3) AS dossier_ids
             FROM applicants.applicants a
            WHERE a.applicant_id = ANY ($1::text[]) AND ($2::text[] IS NULL OR a.unit_ids && $2::text[])
            ORDER BY (SELECT max(d.recorded_at) FROM applicants.applicant_dossiers d
                       WHERE d.applicant_id = a.applicant_id) DESC NULLS LAST, a.created_at DESC
            LIMIT 1`,
    values: [applicantIds, units === '*' ? null : units, LATEST_DOSSIERS],
  });
  const row = rows[0];
  return row && { applicantId: row.applicant_id, dossierIds: row.dossier_ids };
}
