/** Injection tokens of the shared plumbing. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE = Symbol('DATABASE');
export const PG_POOL = Symbol('PG_POOL');
export const MIGRATIONS = Symbol('MIGRATIONS');
