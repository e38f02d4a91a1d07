/**
 * applicants/002: the applicant of a dossier, found by the dossier (a list of dossiers — the unit's work queue — shows
 * each one's applicant name): applicant_dossiers was keyed by applicant only.
 */
export const APPLICANTS_002_SQL = /* sql */ `
CREATE INDEX applicant_dossiers_by_dossier ON applicants.applicant_dossiers (dossier_id);
`;
