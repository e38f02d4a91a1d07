import { type ClientBase, Pool, type PoolClient } from 'pg';

export interface TransactionOptions {
  /** Default: the server's (read committed). */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  /** A read-only transaction takes no transaction id, so it never holds the global log's readers back. */
  readOnly?: boolean;
}

/**
 * Runs `work` in one transaction: committed if it returns, rolled back if it throws (the work's error is the one
 * thrown, never the rollback's). Given a pool, on a client of its own, released afterwards — destroyed if even the
 * rollback failed, so that a connection in an unknown state never goes back to the pool; given a client, on it.
 */
export function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  options?: TransactionOptions,
): Promise<T>;
export function inTransaction<T, C extends ClientBase>(
  client: C,
  work: (client: C) => Promise<T>,
  options?: TransactionOptions,
): Promise<T>;
export async function inTransaction<T>(
  db: Pool | ClientBase,
  work: (client: never) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (!(db instanceof Pool))
    return transaction(db, work as (client: ClientBase) => Promise<T>, options, () => undefined);
  const client = await db.connect();
  let broken: Error | undefined;
  try {
    return await transaction(client, work as (client: PoolClient) => Promise<T>, options, (error) => (broken = error));
  } finally {
    client.release(broken);
  }
}

async function transaction<T, C extends ClientBase>(
  client: C,
  work: (client: C) => Promise<T>,
  options: TransactionOptions,
  broken: (error: Error) => void,
): Promise<T> {
  await client.query(beginStatement(options));
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(broken);
    throw error;
  }
}

function beginStatement(options: TransactionOptions): string {
  let statement = 'BEGIN';
  if (options.isolation) statement += ` ISOLATION LEVEL ${options.isolation.toUpperCase()}`;
  if (options.readOnly) statement += ' READ ONLY';
  return statement;
}
