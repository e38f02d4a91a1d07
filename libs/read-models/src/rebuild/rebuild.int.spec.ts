import { type DossierEvent, type DossierRecord, computeFigures, dossierRecordFrom } from '@app/domain';
import { readModelFigures } from '../figures/read-model-figures';
import { activeGeneration, buildingGeneration, listGenerations } from '../generations/generation-repository';
import { Projector } from '../projector/projector';
import { appendLog, chronologicalLog, type LogDay } from '../testing/chronological-log';
import { type ReadModelTestKit, createReadModelTestKit } from '../testing/read-model-test-kit';
import { readModelSnapshot } from '../testing/read-model-snapshot';
import { rebuildReadModels } from './rebuild';

describe('blue/green rebuild', () => {
  let kit: ReadModelTestKit;
  let projector: Projector;
  const versions = new Map<string, number>();
  const histories = new Map<string, DossierEvent[]>();
  let log: LogDay[];

  async function append(days: LogDay[]): Promise<void> {
    const appended = await appendLog(kit.store, days, { versions, keep: true });
    for (const [stream, events] of appended.histories)
      histories.set(stream, [...(histories.get(stream) ?? []), ...events]);
  }

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    log = [...chronologicalLog({ seed: 5, dossiers: 6000, from: '2020-01-01', days: 150 })];
    await append(log.slice(0, 80));
    projector = new Projector({ pool: kit.database.pool, store: kit.store, batchSize: 500 });
    projector.start();
    await projector.caughtUp();
  });
  afterAll(async () => {
    await projector.stop();
    await kit.close();
  });

  it('is resumable, serves the old tables meanwhile, switches over, and the live projector follows', async () => {
    const initial = (await activeGeneration(kit.database.pool)).id;
    const abort = new AbortController();
    const first = await rebuildReadModels({
      pool: kit.database.pool,
      store: kit.store,
      batchSize: 2000,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    expect(first).toMatchObject({ interrupted: true, switched: false, resumed: false });
    const building = await buildingGeneration(kit.database.pool);
    expect(building?.eventsProjected).toBe(first.events);
    expect(first.events).toBeGreaterThan(0);
    expect((await activeGeneration(kit.database.pool)).id).toBe(initial);

    // Meanwhile the log grows and the old generation keeps serving, kept up to date by the live projector.
    await append(log.slice(80, 110));
    await projector.caughtUp();
    const period = { from: '2020-03-01', to: '2020-04-15' };
    const records = () =>
      [...histories.values()].map((events) => dossierRecordFrom(events)).filter((r): r is DossierRecord => r !== null);
    const unit = 'tth-pvhcc';
    const expectFigures = async () =>
      expect((await readModelFigures(kit.dataSource, { period, units: [unit] })).get(unit)).toEqual(
        computeFigures(
          records().filter((r) => r.receivingUnitId === unit),
          period,
        ),
      );
    await expectFigures();

    const second = await rebuildReadModels({ pool: kit.database.pool, store: kit.store, batchSize: 2000 });
    expect(second).toMatchObject({
      generation: building?.id,
      resumed: true,
      switched: true,
      interrupted: false,
      previousGeneration: initial,
      dropped: [initial],
    });
    expect((await activeGeneration(kit.database.pool)).id).toBe(building?.id);

    // The live projector finds its generation retired and carries on with the new one.
    await append(log.slice(110));
    await projector.caughtUp();
    expect(projector.status().generation).toBe(building?.id);
    await expectFigures();
    const total = [...histories.values()].reduce((sum, events) => sum + events.length, 0);
    expect((await activeGeneration(kit.database.pool)).eventsProjected).toBe(total);

    // received_by from each receipt's actor, the same whether followed live (whole events) or rebuilt (payloads)
    const { rows: receivers } = await kit.database.pool.query<{ unnamed: string; named: string }>(
      `SELECT count(*) FILTER (WHERE received_by IS NULL) AS unnamed,
              count(*) FILTER (WHERE received_by LIKE 'can-bo-mot-cua-%') AS named FROM read_models.dossiers`,
    );
    expect(receivers[0]).toEqual({ unnamed: '0', named: String(histories.size) });
    const resumedAndFollowed = await readModelSnapshot(kit.database.pool);
    await rebuildReadModels({ pool: kit.database.pool, store: kit.store });
    expect(await readModelSnapshot(kit.database.pool)).toEqual(resumedAndFollowed);
    const statuses = (await listGenerations(kit.database.pool)).map((g) => g.status);
    expect(statuses.filter((s) => s === 'active')).toHaveLength(1);
    expect(statuses[statuses.length - 1]).toBe('active');
    expect(statuses.slice(0, -1).every((s) => s === 'dropped')).toBe(true);
  });

  it('refuses a second rebuild while one runs', async () => {
    const slow = rebuildReadModels({ pool: kit.database.pool, store: kit.store, batchSize: 500 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(rebuildReadModels({ pool: kit.database.pool, store: kit.store })).rejects.toThrow('Another rebuild');
    await slow;
  });
});
