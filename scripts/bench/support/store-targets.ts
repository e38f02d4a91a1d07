import { dumbo, endAllPools } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { runMigrations } from '@app/platform/pg';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, START, type Checkpoint } from '@app/event-store';
import { nowMs } from './latency';

export interface BenchEvent {
  type: string;
  data: { occurredAt: string; [key: string]: unknown };
}

/** What the store bench asks of each event store. */
export interface StoreTarget {
  name: string;
  /** Appends with an exact expected version (the stream's current version; 0 = new stream). */
  append(streamId: string, events: BenchEvent[], expectedVersion: number): Promise<void>;
  /** Reads the whole global log from its beginning; returns the global positions delivered, in order. */
  catchUp(): Promise<{ positions: number[]; seconds: number; how: string }>;
  /** Events in the log table (to compare with what a catch-up delivered). */
  count(): Promise<number>;
  close(): Promise<void>;
}

export async function ourStore(url: string): Promise<StoreTarget> {
  const pool = new Pool({ connectionString: url, max: 40 });
  pool.on('error', () => undefined); // connections dropped when the bench database is removed
  await runMigrations(pool, EVENT_STORE_MIGRATIONS);
  const store = new PostgresEventStore({ pool });
  const metadata = { actor: 'bench', unit: 'bench-unit' };
  return {
    name: 'dossier-tracker',
    append: async (streamId, events, expectedVersion) => {
      await store.append(
        streamId,
        events.map((e) => ({ ...e, schemaVersion: 1, metadata })),
        { expectedVersion },
      );
    },
    catchUp: async () => {
      const started = nowMs();
      let after: Checkpoint = START;
      const positions: number[] = [];
      for (;;) {
        const page = await store.readAll({ after, limit: 1000 });
        for (const event of page.events) positions.push(event.globalPosition);
        after = page.checkpoint;
        if (page.events.length === 0) break;
      }
      return {
        positions,
        seconds: (nowMs() - started) / 1000,
        how: 'readAll, pages of 1,000 (gap-safe; parsed RecordedEvents)',
      };
    },
    count: async () =>
      Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM event_store.events')).rows[0]?.n),
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}

export async function emmettStore(url: string): Promise<StoreTarget> {
  const store = getPostgreSQLEventStore(url);
  await store.schema.migrate();
  const reader = dumbo({ connectionString: url });
  return {
    name: 'Emmett 0.42',
    append: async (streamId, events, expectedVersion) => {
      await store.appendToStream(streamId, events, { expectedStreamVersion: BigInt(expectedVersion) });
    },
    catchUp: async () => {
      const started = nowMs();
      let after = 0n;
      const positions: number[] = [];
      for (;;) {
        const batch = await readMessagesBatch(reader.execute, { after, batchSize: 1000 });
        for (const message of batch.messages) positions.push(Number(message.metadata.globalPosition));
        after = batch.currentGlobalPosition;
        if (!batch.areMessagesLeft) break;
      }
      return {
        positions,
        seconds: (nowMs() - started) / 1000,
        how: 'readMessagesBatch, pages of 1,000 (the reader its consumers poll; no per-message checkpoint)',
      };
    },
    count: async () => {
      const pool = new Pool({ connectionString: url, max: 1 });
      try {
        return Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM emt_messages')).rows[0]?.n);
      } finally {
        await pool.end();
      }
    },
    close: async () => {
      await reader.close();
      await store.close();
      await endAllPools();
    },
  };
}
