import type { Pool } from 'pg';
import { SessionLock } from './session-lock';
import { inTransaction } from './transaction';

/**
 * A numbered schema change. Each lib that owns tables ships its own list (ids like `event-store/001-events`);
 * they run in order, once, at start-up, under an advisory lock so that concurrent starts do not race.
 */
export interface Migration {
  id: string;
  sql: string;
}

/** Held (waited for) by the process that migrates: concurrent starts take turns. */
export const MIGRATIONS_LOCK = 'platform:migrations';

export async function runMigrations(pool: Pool, migrations: readonly Migration[]): Promise<string[]> {
  return SessionLock.holding(pool, MIGRATIONS_LOCK, async (client) => {
    await client.query(
      'CREATE TABLE IF NOT EXISTS public.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ id: string }>('SELECT id FROM public.schema_migrations')).rows.map((r) => r.id),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await inTransaction(client, async () => {
        await client.query(migration.sql);
        await client.query('INSERT INTO public.schema_migrations (id) VALUES ($1)', [migration.id]);
      });
      applied.push(migration.id);
    }
    return applied;
  });
}

/** Ids of the given migrations that are not applied yet (for /health). */
export async function pendingMigrations(pool: Pool, migrations: readonly Migration[]): Promise<string[]> {
  const exists = await pool.query<{ t: string | null }>("SELECT to_regclass('public.schema_migrations') AS t");
  if (!exists.rows[0]?.t) return migrations.map((m) => m.id);
  const done = new Set(
    (await pool.query<{ id: string }>('SELECT id FROM public.schema_migrations')).rows.map((r) => r.id),
  );
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}
