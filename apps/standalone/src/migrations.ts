import type { Migration } from '@app/platform';

/** Every schema change of every lib that owns tables, in the order they run. */
export const ALL_MIGRATIONS: readonly Migration[] = [];
