import type { Pool, PoolClient } from 'pg';

/**
 * Every advisory lock of the project is a SessionLock and is named ('read-models:projector', 'relay:<checkpoint>',
 * 'platform:migrations', …): its 64-bit key is derived from the name here and nowhere else, so no two locks share a
 * magic number and `pg_locks` can be read back with `hashtextextended(<name>, 7240801)`.
 */
const KEY = 'hashtextextended($1, 7240801)';

/**
 * "Only one of us at a time" across processes (one live projector, one relay per checkpoint, one rebuild, one
 * migrating process): a PostgreSQL session advisory lock, keyed by name, held on a dedicated connection. It goes with
 * the connection, so a process that dies (even SIGKILLed) frees it for the next one at once.
 */
export class SessionLock {
  private client?: PoolClient;
  private onError?: (error: Error) => void;

  constructor(
    private readonly pool: Pool,
    readonly name: string,
  ) {}

  get held(): boolean {
    return this.client !== undefined;
  }

  /** One attempt; true when held. `onLost` runs if the connection holding the lock breaks later. */
  tryAcquire(onLost: () => void = () => undefined): Promise<boolean> {
    return this.take(`SELECT pg_try_advisory_lock(${KEY}) AS locked`, onLost);
  }

  /** Waits until the lock is held. `onLost` runs if the connection holding the lock breaks later. */
  async acquire(onLost: () => void = () => undefined): Promise<void> {
    await this.take(`SELECT pg_advisory_lock(${KEY}), true AS locked`, onLost);
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query(`SELECT pg_advisory_unlock(${KEY})`, [this.name]).catch(() => undefined);
    if (this.onError) client.off('error', this.onError);
    client.release();
  }

  /**
   * Waits for the lock, runs `work` on the lock's own connection (one connection for both: it works with a pool of
   * one), then releases the lock.
   */
  static async holding<T>(pool: Pool, name: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const lock = new SessionLock(pool, name);
    await lock.acquire();
    try {
      return await work(lock.client as PoolClient);
    } finally {
      await lock.release();
    }
  }

  /** True when nobody holds the lock right now (takes and gives it back at once). */
  static async isFree(pool: Pool, name: string): Promise<boolean> {
    const probe = new SessionLock(pool, name);
    const free = await probe.tryAcquire();
    await probe.release();
    return free;
  }

  private async take(statement: string, onLost: () => void): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(statement, [this.name]);
      if (!rows[0]?.locked) {
        client.release();
        return false;
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    // The pooled client outlives the lock: its listener goes with the lock (release), else they pile up.
    this.onError = (error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.release(error);
      onLost();
    };
    client.on('error', this.onError);
    this.client = client;
    return true;
  }
}
