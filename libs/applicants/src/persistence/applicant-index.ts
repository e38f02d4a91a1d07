import type { Pool, PoolClient } from 'pg';

/** Blind index, name directory and dossiers of applicants (applicants.*), all by applicant id. */
export class ApplicantIndex {
  constructor(private readonly pool: Pool) {}

  /** The applicant of an identity document's digest (one at most), if not erased. */
  async applicantOfIdentity(digest: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ applicant_id: string }>(
      "SELECT applicant_id FROM applicants.blind_index WHERE kind = 'id' AND digest = $1",
      [digest],
    );
    return rows[0]?.applicant_id;
  }

  /**
   * Claims the identity for a new applicant; when another receipt claimed it first, answers that applicant instead.
   */
  async claimIdentity(digest: string, applicantId: string): Promise<string> {
    const { rows } = await this.pool.query<{ applicant_id: string }>(
      `INSERT INTO applicants.blind_index (kind, digest, applicant_id) VALUES ('id', $1, $2)
         ON CONFLICT (kind, digest) WHERE kind = 'id' DO NOTHING RETURNING applicant_id`,
      [digest, applicantId],
    );
    return rows[0]?.applicant_id ?? (await this.applicantOfIdentity(digest)) ?? applicantId;
  }

  async addDigest(kind: string, digest: string, applicantId: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO applicants.blind_index (kind, digest, applicant_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [kind, digest, applicantId],
    );
  }

  async applicantsOfDigest(kind: string, digest: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ applicant_id: string }>(
      'SELECT applicant_id FROM applicants.blind_index WHERE kind = $1 AND digest = $2',
      [kind, digest],
    );
    return rows.map((r) => r.applicant_id);
  }

  /** The applicant filed this dossier at this unit; their name is searchable by that unit's staff. */
  async recordDossier(applicantId: string, dossierId: string, unitId: string, fullName: string): Promise<void> {
    await this.pool.query(
      `WITH d AS (
         INSERT INTO applicants.applicant_dossiers (applicant_id, dossier_id, unit_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING)
       INSERT INTO applicants.directory AS x (applicant_id, full_name, search_name, unit_ids)
         VALUES ($1, $4, $5, ARRAY[$3])
       ON CONFLICT (applicant_id) DO UPDATE SET full_name = EXCLUDED.full_name, search_name = EXCLUDED.search_name,
         unit_ids = CASE WHEN $3 = ANY (x.unit_ids) THEN x.unit_ids ELSE x.unit_ids || $3 END`,
      [applicantId, dossierId, unitId, fullName, searchForm(fullName)],
    );
  }

  /** The dossiers of these applicants filed at these units (`*`: every unit). */
  async dossiersOf(
    applicantIds: string[],
    units: string[] | '*',
  ): Promise<{ applicantId: string; dossierId: string; unitId: string }[]> {
    if (applicantIds.length === 0) return [];
    const { rows } = await this.pool.query<{ applicant_id: string; dossier_id: string; unit_id: string }>(
      `SELECT applicant_id, dossier_id, unit_id FROM applicants.applicant_dossiers
         WHERE applicant_id = ANY ($1) AND ($2::text[] IS NULL OR unit_id = ANY ($2)) ORDER BY recorded_at DESC LIMIT 200`,
      [applicantIds, units === '*' ? null : units],
    );
    return rows.map((r) => ({ applicantId: r.applicant_id, dossierId: r.dossier_id, unitId: r.unit_id }));
  }

  /** Applicants whose name contains the words (without diacritics or case), known at these units. */
  async searchNames(query: string, units: string[] | '*'): Promise<string[]> {
    const { rows } = await this.pool.query<{ applicant_id: string }>(
      `SELECT applicant_id FROM applicants.directory
         WHERE search_name LIKE '%' || $1 || '%' AND ($2::text[] IS NULL OR unit_ids && $2) LIMIT 200`,
      [searchForm(query), units === '*' ? null : units],
    );
    return rows.map((r) => r.applicant_id);
  }

  /** Forgets everything that finds the applicant (the dossiers stay, pointing to a pseudonym). */
  async forget(db: Pool | PoolClient, applicantId: string): Promise<void> {
    await db.query('DELETE FROM applicants.blind_index WHERE applicant_id = $1', [applicantId]);
    await db.query('DELETE FROM applicants.directory WHERE applicant_id = $1', [applicantId]);
  }
}

/** Lower case, no diacritics (đ → d), single spaces: "Nguyễn  Văn Đức" → "nguyen van duc". */
export function searchForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
