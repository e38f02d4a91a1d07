import type { Migration } from '@app/platform/pg';
import { APPLICANTS_001_SQL } from './001-applicants.sql';

/** The applicants lib's schema (ids `applicants/NNN-…`). */
export const APPLICANT_MIGRATIONS: Migration[] = [{ id: 'applicants/001-applicants', sql: APPLICANTS_001_SQL }];
