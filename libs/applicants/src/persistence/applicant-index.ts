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

  /**
   * A returning applicant by their identity document, with their wrapped data key (one round trip); undefined for
   * someone new (or erased: their index went with their key).
   */
  async returning(
    digest: string,
  ): Promise<{ applicantId: string; masterKeyId: string; wrappedKey: Buffer } | undefined> {
    const { rows } = await this.pool.query<{ applicant_id: string; master_key_id: string; wrapped_key: Buffer }>(
      `SELECT b.applicant_id, k.master_key_id, k.wrapped_key FROM applicants.blind_index b
         JOIN applicants.data_keys k USING (applicant_id) WHERE b.kind = 'id' AND b.digest = $1`,
      [digest],
    );
    const row = rows[0];
    return row && { applicantId: row.applicant_id, masterKeyId: row.master_key_id, wrappedKey: row.wrapped_key };
  }

  /**
   * Everything a new applicant needs, in one statement: their wrapped key, their identity (false, and nothing
   * written, when another receipt of the same person claimed it first), their phone, the dossier and the directory.
   */
  async registerNew(entry: {
    applicantId: string;
    masterKeyId: string;
    wrappedKey: Buffer;
    identityDigest: string;
    phoneDigest: string | null;
    dossierId: string;
    unitId: string;
    fullName: string;
  }): Promise<boolean> {
    const { rows } = await this.pool.query<{ claimed: boolean }>(
      `WITH claim AS (
         INSERT INTO applicants.blind_index (kind, digest, applicant_id) VALUES ('id', $4, $1)
         ON CONFLICT (kind, digest) WHERE kind = 'id' DO NOTHING RETURNING applicant_id),
       k AS (INSERT INTO applicants.data_keys (applicant_id, master_key_id, wrapped_key)
         SELECT applicant_id, $2, $3 FROM claim),
       p AS (INSERT INTO applicants.blind_index (kind, digest, applicant_id)
         SELECT 'phone', $5, applicant_id FROM claim WHERE $5::text IS NOT NULL ON CONFLICT DO NOTHING),
       d AS (INSERT INTO applicants.applicant_dossiers (applicant_id, dossier_id, unit_id)
         SELECT applicant_id, $6, $7 FROM claim ON CONFLICT DO NOTHING),
       n AS (INSERT INTO applicants.directory (applicant_id, full_name, search_name, unit_ids)
         SELECT applicant_id, $8, $9, ARRAY[$7] FROM claim)
       SELECT count(*) > 0 AS claimed FROM claim`,
      [
        entry.applicantId,
        entry.masterKeyId,
        entry.wrappedKey,
        entry.identityDigest,
        entry.phoneDigest,
        entry.dossierId,
        entry.unitId,
        entry.fullName,
        searchForm(entry.fullName),
      ],
    );
    return rows[0]?.claimed === true;
  }

  /** A returning applicant's new dossier (and phone, and name as now given), in one statement. */
  async recordReturning(
    applicantId: string,
    phoneDigest: string | null,
    dossierId: string,
    unitId: string,
    fullName: string,
  ): Promise<void> {
    await this.pool.query(
      `WITH p AS (INSERT INTO applicants.blind_index (kind, digest, applicant_id)
         SELECT 'phone', $2, $1 WHERE $2::text IS NOT NULL ON CONFLICT DO NOTHING),
       d AS (INSERT INTO applicants.applicant_dossiers (applicant_id, dossier_id, unit_id) VALUES ($1, $3, $4)
         ON CONFLICT DO NOTHING)
       INSERT INTO applicants.directory AS x (applicant_id, full_name, search_name, unit_ids)
         VALUES ($1, $5, $6, ARRAY[$4])
       ON CONFLICT (applicant_id) DO UPDATE SET full_name = EXCLUDED.full_name, search_name = EXCLUDED.search_name,
         unit_ids = CASE WHEN $4 = ANY (x.unit_ids) THEN x.unit_ids ELSE x.unit_ids || $4 END`,
      [applicantId, phoneDigest, dossierId, unitId, fullName, searchForm(fullName)],
    );
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
