import { ACCOUNT_MIGRATIONS } from '@app/accounts';
import { APPLICANT_MIGRATIONS } from '@app/applicants';
import { INTAKE_MIGRATIONS } from '@app/intake';
import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import type { Migration } from '@app/platform';
import { READ_MODEL_MIGRATIONS } from '@app/read-models';

/** Every schema change of every lib that owns tables, in the order they run. */
export const ALL_MIGRATIONS: readonly Migration[] = [
  ...EVENT_STORE_MIGRATIONS,
  ...ACCOUNT_MIGRATIONS,
  ...APPLICANT_MIGRATIONS,
  ...INTAKE_MIGRATIONS,
  ...READ_MODEL_MIGRATIONS,
];
