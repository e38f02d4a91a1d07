import type { Pool } from 'pg';

export interface AccessEntry {
  at: string;
  actor: string;
  actorName: string;
  applicantId: string;
  dossierId: string | null;
  purpose: string;
}

/** Who displayed whose personal data, when and why: append-only (the table refuses updates and deletes). */
export class AccessLog {
  constructor(private readonly pool: Pool) {}

  async record(entries: Omit<AccessEntry, 'at'>[]): Promise<void> {
    if (entries.length === 0) return;
    await this.pool.query(
      `INSERT INTO applicants.access_log (actor, actor_name, applicant_id, dossier_id, purpose)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        entries.map((e) => e.actor),
        entries.map((e) => e.actorName),
        entries.map((e) => e.applicantId),
        entries.map((e) => e.dossierId),
        entries.map((e) => e.purpose),
      ],
    );
  }

  async query(filter: { applicantId?: string; actor?: string; limit?: number }): Promise<AccessEntry[]> {
    const { rows } = await this.pool.query<{
      at: Date;
      actor: string;
      actor_name: string;
      applicant_id: string;
      dossier_id: string | null;
      purpose: string;
    }>(
      `SELECT at, actor, actor_name, applicant_id, dossier_id, purpose FROM applicants.access_log
         WHERE ($1::text IS NULL OR applicant_id = $1) AND ($2::text IS NULL OR actor = $2)
         ORDER BY id DESC LIMIT $3`,
      [filter.applicantId ?? null, filter.actor ?? null, Math.min(filter.limit ?? 200, 1000)],
    );
    return rows.map((r) => ({
      at: r.at.toISOString(),
      actor: r.actor,
      actorName: r.actor_name,
      applicantId: r.applicant_id,
      dossierId: r.dossier_id,
      purpose: r.purpose,
    }));
  }
}
