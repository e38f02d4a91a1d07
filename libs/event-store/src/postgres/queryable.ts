import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** Anything that runs a query: a Pool, a PoolClient (possibly inside the caller's transaction) or a Client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}
