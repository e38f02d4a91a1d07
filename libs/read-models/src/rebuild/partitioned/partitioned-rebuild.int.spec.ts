import { dossierIdOf } from '@app/domain';
import { activeGeneration, buildingGeneration } from '../../generations/generation-repository';
import { Projector } from '../../projector/projector';
import { appendLog, chronologicalLog, type LogDay } from '../../testing/chronological-log';
import { type ReadModelTestKit, createReadModelTestKit } from '../../testing/read-model-test-kit';
import { readModelSnapshot } from '../../testing/read-model-snapshot';
import { rebuildReadModels } from '../rebuild';
import { PartitionCountMismatchError } from './partition-state';
import { UnitRouter } from './unit-router';

describe('rebuild partitioned by receiving unit (worker threads)', () => {
  let kit: ReadModelTestKit;
  let projector: Projector;
  let log: LogDay[];
  const versions = new Map<string, number>();
  let total = 0;

  async function append(days: LogDay[]): Promise<void> {
    total += (await appendLog(kit.store, days, { versions })).events;
    // A stream that is no dossier's (reference data): no read model's, yet inside every checkpoint.
    const reference = `reference-test-${total}`;
    await kit.store.append(reference, [
      {
        type: 'ReferenceNoted',
        schemaVersion: 1,
        data: { note: 'không phải hồ sơ', occurredAt: '2021-05-01T02:00:00.000Z' },
      },
    ]);
    total += 1;
  }

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    log = [...chronologicalLog({ seed: 11, dossiers: 3000, from: '2021-01-01', days: 120 })];
    await append(log.slice(0, 90));
    projector = new Projector({ pool: kit.database.pool, store: kit.store, batchSize: 500 });
    projector.start();
    await projector.caughtUp();
  });
  afterAll(async () => {
    await projector?.stop();
    await kit.close();
  });

  it('the log crosses units: transfers and corrections of the receiving unit', async () => {
    const { rows } = await kit.database.pool.query<{ transfers: string; moved: string }>(
      `SELECT count(*) FILTER (WHERE type = 'DossierTransferred') AS transfers,
              count(*) FILTER (WHERE type = 'EntryCorrected' AND data->'changes' ? 'receivingUnitId') AS moved
       FROM event_store.events`,
    );
    expect(Number(rows[0]?.transfers)).toBeGreaterThan(20);
    expect(Number(rows[0]?.moved)).toBeGreaterThan(0);
  });

  it('routes every dossier to the partition of the unit that received it, its receipt looked up when not seen', async () => {
    const page = await kit.store.readAllPayloads({ limit: 5000 });
    const router = new UnitRouter(kit.store, [
      { units: [], eventsProjected: 0 },
      { units: [], eventsProjected: 0 },
    ]);
    const routed = await router.route(page.events);
    const owner = new Map<string, number>();
    routed.shares.forEach((share, k) => {
      for (const event of share) {
        const id = dossierIdOf(event.streamId);
        if (id === null) continue;
        expect(owner.get(id) ?? k).toBe(k);
        owner.set(id, k);
      }
    });
    expect(routed.shares.every((share) => share.length > 500)).toBe(true);
    expect(routed.newUnits[0]?.filter((u) => routed.newUnits[1]?.includes(u))).toEqual([]);
    // Planned on the receipts of a sample, the units are shared out by their size.
    const balanced = new UnitRouter(kit.store, [
      { units: [], eventsProjected: 0 },
      { units: [], eventsProjected: 0 },
    ]);
    balanced.plan(page.events);
    const sizes = (await balanced.route(page.events)).shares.map((share) => share.length);
    expect(Math.min(...sizes) / Math.max(...sizes)).toBeGreaterThan(0.7);
    // A router that never saw the receipts (a resumed run) finds them in the log and routes the same way.
    const later = page.events.filter((e) => e.streamPosition > 1);
    const fresh = new UnitRouter(kit.store, [
      { units: routed.newUnits[0] ?? [], eventsProjected: 0 },
      { units: routed.newUnits[1] ?? [], eventsProjected: 0 },
    ]);
    const again = await fresh.route(later);
    again.shares.forEach((share, k) => share.forEach((e) => expect(owner.get(dossierIdOf(e.streamId) ?? '')).toBe(k)));
  });

  it('with 2 workers gives the read models of the single-process rebuild and of the live projection', async () => {
    const live = await readModelSnapshot(kit.database.pool);
    const single = await rebuildReadModels({ pool: kit.database.pool, store: kit.store, batchSize: 2000 });
    expect(single).toMatchObject({ switched: true, interrupted: false });
    expect(await readModelSnapshot(kit.database.pool)).toEqual(live);

    const parallel = await rebuildReadModels({
      pool: kit.database.pool,
      store: kit.store,
      url: kit.url,
      workers: 2,
      batchSize: 2000,
    });
    expect(parallel).toMatchObject({ switched: true, interrupted: false, previousGeneration: single.generation });
    expect(await readModelSnapshot(kit.database.pool)).toEqual(live);
    expect((await activeGeneration(kit.database.pool)).eventsProjected).toBe(total);
  });

  it('interrupted, resumes each partition where it stood; the live projector follows the new generation', async () => {
    const abort = new AbortController();
    const first = await rebuildReadModels({
      pool: kit.database.pool,
      store: kit.store,
      url: kit.url,
      workers: 2,
      batchSize: 1000,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    expect(first).toMatchObject({ interrupted: true, switched: false });
    const building = await buildingGeneration(kit.database.pool);
    const { rows } = await kit.database.pool.query<{ partition: number; events: string; units: string[] }>(
      `SELECT partition, events_projected AS events, units FROM read_models.rebuild_partitions
       WHERE generation_id = $1 ORDER BY partition`,
      [building?.id],
    );
    expect(rows.map((r) => r.partition)).toEqual([0, 1]);
    expect(rows.some((r) => Number(r.events) > 0)).toBe(true);

    // The log grows meanwhile; a resume with another number of workers is refused (the units are shared out).
    await append(log.slice(90));
    await projector.caughtUp();
    await expect(rebuildReadModels({ pool: kit.database.pool, store: kit.store })).rejects.toBeInstanceOf(
      PartitionCountMismatchError,
    );

    const second = await rebuildReadModels({
      pool: kit.database.pool,
      store: kit.store,
      url: kit.url,
      workers: 2,
      batchSize: 1000,
    });
    expect(second).toMatchObject({ generation: building?.id, resumed: true, switched: true });
    expect((await activeGeneration(kit.database.pool)).eventsProjected).toBe(total);
    const { rows: left } = await kit.database.pool.query('SELECT 1 FROM read_models.rebuild_partitions');
    expect(left).toEqual([]);
    const rebuilt = await readModelSnapshot(kit.database.pool);

    // The live projector carries on in the new generation from its checkpoint, and agrees with a fresh single rebuild.
    await append(log.slice(119));
    await projector.caughtUp();
    expect(projector.status().generation).toBe(building?.id);
    expect(rebuilt.dossiers.length).toBeGreaterThan(2500);
    const followed = await readModelSnapshot(kit.database.pool);
    await rebuildReadModels({ pool: kit.database.pool, store: kit.store });
    expect(await readModelSnapshot(kit.database.pool)).toEqual(followed);
  });
});
