import { START } from '../checkpoint';
import { events } from '../testing/contract/context';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';
import { deleteCheckpoint, loadCheckpoint, saveCheckpoint } from './checkpoints';

describe('consumer checkpoints', () => {
  let h: PgTestStore;
  beforeAll(async () => {
    h = await createPgTestStore();
  });
  afterAll(async () => {
    await h.close();
  });

  it('starts at START, saves in the consumer transaction, and rolls back with it', async () => {
    expect(await loadCheckpoint(h.pool, 'projector')).toEqual(START);
    await h.store.append('c-1', events(3));
    const page = await h.store.readAll({ limit: 2 });

    const client = await h.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TABLE read_model (n int)');
      await client.query('INSERT INTO read_model VALUES (1)');
      await saveCheckpoint(client, 'projector', page.checkpoint);
      await client.query('ROLLBACK');
      expect(await loadCheckpoint(h.pool, 'projector')).toEqual(START);

      await client.query('BEGIN');
      await saveCheckpoint(client, 'projector', page.checkpoint);
      expect(await loadCheckpoint(h.pool, 'projector')).toEqual(START);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await loadCheckpoint(h.pool, 'projector')).toEqual(page.checkpoint);

    const rest = await h.store.readAll({ after: await loadCheckpoint(h.pool, 'projector') });
    expect(rest.events.map((e) => e.streamPosition)).toEqual([3]);
    await saveCheckpoint(h.pool, 'projector', rest.checkpoint);
    expect(await loadCheckpoint(h.pool, 'projector')).toEqual(rest.checkpoint);
    expect(await loadCheckpoint(h.pool, 'other')).toEqual(START);
    await deleteCheckpoint(h.pool, 'projector');
    expect(await loadCheckpoint(h.pool, 'projector')).toEqual(START);
  });

  it('a subscription resumed from a checkpoint saved with its batches sees each event once', async () => {
    await h.store.append('c-2', events(7));
    const seen: number[] = [];
    const handle = async (
      batch: { globalPosition: number }[],
      checkpoint: Parameters<typeof saveCheckpoint>[2],
    ): Promise<void> => {
      seen.push(...batch.map((e) => e.globalPosition));
      await saveCheckpoint(h.pool, 'resumer', checkpoint);
    };
    const one = h.store.subscribe({ from: await loadCheckpoint(h.pool, 'resumer'), batchSize: 4, handle });
    await one.caughtUp();
    await one.stop();
    await h.store.append('c-2', events(2));
    const two = h.store.subscribe({ from: await loadCheckpoint(h.pool, 'resumer'), handle });
    await two.caughtUp();
    await two.stop();
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });
});
