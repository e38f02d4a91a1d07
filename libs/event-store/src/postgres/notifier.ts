import type { Pool, PoolClient } from 'pg';
import type { Waker } from '../subscription/waker';

export const APPEND_CHANNEL = 'event_store_appended';
const RECONNECT_MS = 1000;

/**
 * One LISTEN connection per store, shared by its subscriptions: append_batch() notifies in the appending
 * transaction, so the wake-up arrives once the events are committed. If the connection drops, subscriptions keep
 * polling and the listener reconnects; every (re)connection wakes everyone, in case a notification was missed.
 */
export class PgNotifier {
  private client?: PoolClient;
  private connecting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private closed = false;
  private readonly wakers = new Set<Waker>();

  constructor(private readonly pool: Pool) {}

  register(waker: Waker): () => void {
    this.wakers.add(waker);
    this.ensureListening();
    return () => {
      this.wakers.delete(waker);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    if (client) {
      release(client, true);
    }
  }

  private wakeAll(): void {
    for (const waker of this.wakers) waker.wake();
  }

  private ensureListening(): void {
    if (this.client || this.connecting || this.closed) return;
    this.connecting = this.listen()
      .catch(() => this.scheduleReconnect())
      .finally(() => {
        this.connecting = undefined;
      });
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', () => this.wakeAll());
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
      release(client, true);
      this.scheduleReconnect();
    });
    try {
      await client.query(`LISTEN ${APPEND_CHANNEL}`);
    } catch (error) {
      release(client, true);
      throw error;
    }
    if (this.closed) {
      release(client, true);
      return;
    }
    this.client = client;
    this.wakeAll();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.ensureListening();
    }, RECONNECT_MS);
    this.retry.unref();
  }
}

const released = new WeakSet<PoolClient>();

/** Ends the listening connection once (it is dedicated: never handed back for reuse); our listeners go with it. */
function release(client: PoolClient, destroy = false): void {
  if (released.has(client)) return;
  released.add(client);
  client.removeAllListeners('notification');
  client.removeAllListeners('error');
  client.on('error', () => undefined); // a socket error while it closes is not news
  client.release(destroy);
}
