import path from 'node:path';

/**
 * How to reach a local PostgreSQL server: its TCP port on 127.0.0.1, its Unix socket folder if it has one, and the
 * password of its `postgres` superuser (the embedded server asks for it on every connection).
 */
export interface PostgresAddress {
  port: number;
  socketDir?: string;
  password?: string;
}

/** Unix socket names are limited to 107 bytes (sun_path); keep a margin. */
export function socketPathFits(dir: string, port: number): boolean {
  return Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) <= 100;
}

/** A connection string for `database`, through the Unix socket when there is one. */
export function postgresUrl(address: PostgresAddress, database: string): string {
  const user = address.password ? `postgres:${encodeURIComponent(address.password)}` : 'postgres';
  if (address.socketDir)
    return `postgres://${user}@localhost/${database}?host=${encodeURIComponent(address.socketDir)}&port=${address.port}`;
  return `postgres://${user}@127.0.0.1:${address.port}/${database}`;
}
