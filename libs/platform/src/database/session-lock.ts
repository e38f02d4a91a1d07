import type { Pool, PoolClient } from 'pg';

const LOCK_SEED = 7_240_801;

/**
 * "Only one of us at a time" across processes (one live projector, one relay per checkpoint): a PostgreSQL session
 * advisory lock, keyed by name, held on a dedicated connection. It goes with the connection, so a process that
 * dies (even SIGKILLed) frees it for the next one at once.
 */
export class SessionLock {
  private client?: PoolClient;

  constructor(
    private readonly pool: Pool,
    private readonly name: string,
  ) {}

  get held(): boolean {
    return this.client !== undefined;
  }

  /** One attempt; true when held. `onLost` runs if the connection holding the lock breaks later. */
  async tryAcquire(onLost: () => void): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, $2)) AS locked', [this.name, LOCK_SEED]);
      if (!rows[0]?.locked) {
        client.release();
        return false;
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.release(error);
      onLost();
    });
    this.client = client;
    return true;
  }

  /** True when nobody holds the lock right now (takes and gives it back at once). */
  static async isFree(pool: Pool, name: string): Promise<boolean> {
    const probe = new SessionLock(pool, name);
    const free = await probe.tryAcquire(() => undefined);
    await probe.release();
    return free;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, $2))', [this.name, LOCK_SEED]).catch(() => undefined);
    client.release();
  }
}
