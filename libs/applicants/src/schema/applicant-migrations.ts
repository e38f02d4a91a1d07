import type { Migration } from '@app/platform/pg';
import { APPLICANTS_001_SQL } from './001-applicants.sql';
import { APPLICANTS_002_SQL } from './002-dossier-lookup.sql';

/** The applicants lib's schema (ids `applicants/NNN-…`). */
export const APPLICANT_MIGRATIONS: Migration[] = [
  { id: 'applicants/001-applicants', sql: APPLICANTS_001_SQL },
  { id: 'applicants/002-dossier-lookup', sql: APPLICANTS_002_SQL },
];
