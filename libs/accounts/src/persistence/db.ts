import type { Pool, PoolClient } from 'pg';

/** Where the accounts lib runs its SQL: the shared pool, or a client inside a transaction. */
export type Db = Pool | PoolClient;
