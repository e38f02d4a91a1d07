import type { Migration } from '@app/platform/pg';
import { ACCOUNTS_001_SQL } from './001-accounts.sql';

/** The accounts lib's schema (ids `accounts/NNN-…`); they run after the event store's. */
export const ACCOUNT_MIGRATIONS: Migration[] = [{ id: 'accounts/001-accounts', sql: ACCOUNTS_001_SQL }];
