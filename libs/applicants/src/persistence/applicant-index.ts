import type { Pool } from 'pg';
import { Batcher, retryablePostgresError } from '@app/platform/pg';

export interface Registration {
  candidateId: string;
  masterKeyId: string;
  wrappedKey: Buffer;
  identityDigest: string;
  phoneDigest: string | null;
  dossierId: string;
  unitId: string;
  fullName: string;
}

export interface Registered {
  applicantId: string;
  masterKeyId: string;
  wrappedKey: Buffer;
  created: boolean;
}

/** What finds applicants (applicants.applicants, phones, applicant_dossiers), by keyed digests and names. */
export class ApplicantIndex {
  /** Concurrent receipts' applicants in one statement (one person at most once per batch). */
  private readonly registrations = new Batcher<Registration, Registered>((batch) => this.registerAll(batch), {
    maxInFlight: 1,
    maxWeight: 200,
    exclusive: (r) => [r.identityDigest],
    retryable: retryablePostgresError,
  });

  /**
   * `asyncCommit`: the registrations that precede a receipt's append commit without waiting for the disk, because
   * the receipt's own synchronous commit, later in the same server's WAL, makes them durable with it — and nothing is
   * acknowledged before that. Only when the event store is this PostgreSQL (with KurrentDB they wait for their flush).
   */
  constructor(
    private readonly pool: Pool,
    private readonly asyncCommit = false,
  ) {}

  /** True while the applicant's data exists (not erased). */
  async exists(applicantId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM applicants.applicants WHERE applicant_id = $1', [
      applicantId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /** The applicant of an identity document's digest (one at most), if not erased. */
  async applicantOfIdentity(digest: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ applicant_id: string }>(
      'SELECT applicant_id FROM applicants.applicants WHERE identity_digest = $1',
      [digest],
    );
    return rows[0]?.applicant_id;
  }

  async applicantsOfPhone(digest: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ applicant_id: string }>(
      'SELECT applicant_id FROM applicants.phones WHERE digest = $1',
      [digest],
    );
    return rows.map((r) => r.applicant_id);
  }

  /**
   * The applicant of an identity document: the one already known (their wrapped key returned, their name, unit and
   * phone added), or the new one given (their wrapped key stored) — and the dossier recorded against them. Concurrent
   * receipts go together in one statement; two receipts of the same new person, one after the other (the identity's
   * unique index makes the second one find the first).
   */
  register(entry: Registration): Promise<Registered> {
    return this.registrations.submit(entry);
  }

  private async registerAll(batch: Registration[]): Promise<Registered[]> {
    const { rows } = await this.pool.query<{
      n: string;
      applicant_id: string;
      master_key_id: string;
      wrapped_key: Buffer;
      created: boolean;
    }>({
      name: 'applicants-register',
      text: `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[]) WITH ORDINALITY
           AS t(candidate_id, master_key_id, wrapped_key, identity_digest, phone_digest, dossier_id, unit_id, full_name,
             search_name, n)),
       commit_mode AS (SELECT set_config('synchronous_commit', CASE WHEN $10::boolean THEN 'off' ELSE 'on' END, true)),
       a AS (
         INSERT INTO applicants.applicants AS x (applicant_id, identity_digest, master_key_id, wrapped_key, full_name,
           search_name, unit_ids, phone_digests)
         SELECT candidate_id, identity_digest, master_key_id, wrapped_key, full_name, search_name, ARRAY[unit_id],
           CASE WHEN phone_digest IS NULL THEN '{}'::text[] ELSE ARRAY[phone_digest] END
         FROM input ORDER BY identity_digest
         ON CONFLICT (identity_digest) DO UPDATE SET full_name = EXCLUDED.full_name, search_name = EXCLUDED.search_name,
           unit_ids = CASE WHEN EXCLUDED.unit_ids[1] = ANY (x.unit_ids) THEN x.unit_ids
             ELSE x.unit_ids || EXCLUDED.unit_ids[1] END,
           phone_digests = CASE WHEN cardinality(EXCLUDED.phone_digests) = 0
             OR EXCLUDED.phone_digests[1] = ANY (x.phone_digests) THEN x.phone_digests
             ELSE x.phone_digests || EXCLUDED.phone_digests[1] END
         RETURNING applicant_id, identity_digest, master_key_id, wrapped_key, (xmax = 0) AS created),
       p AS (INSERT INTO applicants.phones (digest, applicant_id)
         SELECT i.phone_digest, a.applicant_id FROM input i JOIN a USING (identity_digest)
         WHERE i.phone_digest IS NOT NULL ORDER BY 1, 2 ON CONFLICT DO NOTHING),
       d AS (INSERT INTO applicants.applicant_dossiers (applicant_id, dossier_id, unit_id)
         SELECT a.applicant_id, i.dossier_id, i.unit_id FROM input i JOIN a USING (identity_digest) ON CONFLICT DO NOTHING)
       SELECT i.n, a.applicant_id, a.master_key_id, a.wrapped_key, a.created
         FROM input i JOIN a USING (identity_digest) CROSS JOIN commit_mode ORDER BY i.n`,
      values: [
        batch.map((r) => r.candidateId),
        batch.map((r) => r.masterKeyId),
        batch.map((r) => r.wrappedKey),
        batch.map((r) => r.identityDigest),
        batch.map((r) => r.phoneDigest),
        batch.map((r) => r.dossierId),
        batch.map((r) => r.unitId),
        batch.map((r) => r.fullName),
        batch.map((r) => searchForm(r.fullName)),
        this.asyncCommit,
      ],
    });
    if (rows.length !== batch.length) throw new Error(`registered ${rows.length} of ${batch.length} applicants`);
    return rows.map((row) => ({
      applicantId: row.applicant_id,
      masterKeyId: row.master_key_id,
      wrappedKey: row.wrapped_key,
      created: row.created,
    }));
  }

  /**
   * A known applicant's corrected details: their identity document (unless it is another applicant's), name, phone,
   * and the dossier. False when the document belongs to another applicant.
   */
  async correct(entry: {
    applicantId: string;
    identityDigest: string;
    phoneDigest: string | null;
    dossierId: string;
    unitId: string;
    fullName: string;
  }): Promise<boolean> {
    const owner = await this.applicantOfIdentity(entry.identityDigest);
    if (owner !== undefined && owner !== entry.applicantId) return false;
    await this.pool.query(
      `WITH a AS (
         UPDATE applicants.applicants AS x SET identity_digest = $2, full_name = $6, search_name = $7,
           unit_ids = CASE WHEN $5 = ANY (x.unit_ids) THEN x.unit_ids ELSE x.unit_ids || $5 END,
           phone_digests = CASE WHEN $3::text IS NULL OR $3 = ANY (x.phone_digests) THEN x.phone_digests
             ELSE x.phone_digests || $3 END
         WHERE applicant_id = $1 RETURNING applicant_id),
       p AS (INSERT INTO applicants.phones (digest, applicant_id) SELECT $3, applicant_id FROM a
         WHERE $3::text IS NOT NULL ON CONFLICT DO NOTHING)
       INSERT INTO applicants.applicant_dossiers (applicant_id, dossier_id, unit_id)
         SELECT applicant_id, $4, $5 FROM a ON CONFLICT DO NOTHING`,
      [
        entry.applicantId,
        entry.identityDigest,
        entry.phoneDigest,
        entry.dossierId,
        entry.unitId,
        entry.fullName,
        searchForm(entry.fullName),
      ],
    );
    return true;
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

  /**
   * The applicant's name of each dossier that has one, as the index keeps it (nothing is decrypted): the name, or
   * null when the applicant's data was erased (the dossier still points to them). Dossiers without an applicant are
   * left out.
   */
  async namesOfDossiers(dossierIds: readonly string[]): Promise<Map<string, string | null>> {
    const names = new Map<string, string | null>();
    if (dossierIds.length === 0) return names;
    const { rows } = await this.pool.query<{ dossier_id: string; full_name: string | null }>({
      name: 'applicants-names-of-dossiers',
      text: `SELECT DISTINCT ON (d.dossier_id) d.dossier_id, a.full_name FROM applicants.applicant_dossiers d
               LEFT JOIN applicants.applicants a ON a.applicant_id = d.applicant_id
             WHERE d.dossier_id = ANY ($1::text[]) ORDER BY d.dossier_id, d.recorded_at DESC`,
      values: [dossierIds],
    });
    for (const row of rows) names.set(row.dossier_id, row.full_name);
    return names;
  }

  /** Applicants whose name contains the words (without diacritics or case), known at these units. */
  async searchNames(query: string, units: string[] | '*'): Promise<string[]> {
    const { rows } = await this.pool.query<{ applicant_id: string }>(
      `SELECT applicant_id FROM applicants.applicants
         WHERE search_name LIKE '%' || $1 || '%' AND ($2::text[] IS NULL OR unit_ids && $2) LIMIT 200`,
      [searchForm(query), units === '*' ? null : units],
    );
    return rows.map((r) => r.applicant_id);
  }

  /**
   * Destroys the applicant's key and everything that finds them (the dossiers stay, pointing to a pseudonym); false
   * when there was nothing left to destroy.
   */
  async forget(applicantId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ phone_digests: string[] }>(
      'DELETE FROM applicants.applicants WHERE applicant_id = $1 RETURNING phone_digests',
      [applicantId],
    );
    await this.pool.query('DELETE FROM applicants.phones WHERE applicant_id = $1 AND digest = ANY ($2)', [
      applicantId,
      rows[0]?.phone_digests ?? [],
    ]);
    return rows.length > 0;
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
