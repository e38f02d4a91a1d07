import fc from 'fast-check';
import { START } from '@app/event-store';
import { activeGeneration } from '../generations/generation-repository';
import { rebuildReadModels } from '../rebuild/rebuild';
import { appendHistories } from '../testing/append-histories';
import { historyScriptArb, runHistory } from '../testing/histories';
import { projectPending } from '../testing/projection-harness';
import { type ReadModelTestKit, createReadModelTestKit } from '../testing/read-model-test-kit';
import { readModelSnapshot } from '../testing/read-model-snapshot';
import { generateWorkload } from '../testing/workload';
import { applyBatch } from './apply-batch';
import { inTransaction } from '@app/platform/pg';

describe('idempotency: the same events delivered twice leave identical read models', () => {
  let kit: ReadModelTestKit;
  let once: Awaited<ReturnType<typeof readModelSnapshot>>;
  let total: number;

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    const random = fc.sample(historyScriptArb(), { numRuns: 300, seed: 6 }).map((s, i) => runHistory(s, i, 'idem'));
    for (const h of random)
      if (h.events.length > 0)
        await kit.store.append(
          h.streamId,
          h.events.map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: { ...e.data } })),
        );
    const appended = await appendHistories(kit.store, generateWorkload({ seed: 6, dossiers: 300 }));
    total = appended.events + random.reduce((s, h) => s + h.events.length, 0);
    await projectPending(kit, 97);
    once = await readModelSnapshot(kit.database.pool);
    expect(once.dossiers.length).toBeGreaterThan(500);
  });
  afterAll(async () => kit.close());

  async function redeliverEverything(pageSize: number): Promise<number> {
    const generation = await activeGeneration(kit.database.pool);
    let after = START;
    let fresh = 0;
    for (;;) {
      const page = await kit.store.readAll({ after, limit: pageSize });
      if (page.events.length === 0) return fresh;
      const result = await inTransaction(kit.database.pool, (c) =>
        applyBatch(c, page.events, { generation: generation.id, expect: ['active'], to: page.checkpoint }),
      );
      fresh += result.fresh;
      after = page.checkpoint;
    }
  }

  it('counts each event once', async () => {
    expect((await activeGeneration(kit.database.pool)).eventsProjected).toBe(total);
  });

  it('ignores a redelivery of the whole log (the checkpoint says it was applied)', async () => {
    expect(await redeliverEverything(131)).toBe(0);
    expect(await readModelSnapshot(kit.database.pool)).toEqual(once);
    expect((await activeGeneration(kit.database.pool)).eventsProjected).toBe(total);
  });

  it('ignores the same batch handed over twice in a row', async () => {
    const generation = await activeGeneration(kit.database.pool);
    const page = await kit.store.readAll({ after: START, limit: 50 });
    for (let i = 0; i < 2; i++) {
      const result = await inTransaction(kit.database.pool, (c) =>
        applyBatch(c, page.events, { generation: generation.id, expect: ['active'], to: page.checkpoint }),
      );
      expect(result.fresh).toBe(0);
    }
    expect(await readModelSnapshot(kit.database.pool)).toEqual(once);
  });

  it('even with the checkpoint lost, applies nothing twice (each dossier row knows its stream position)', async () => {
    const generation = await activeGeneration(kit.database.pool);
    await kit.database.pool.query(
      `UPDATE read_models.generations SET transaction_id = '0', global_position = 0 WHERE id = $1`,
      [generation.id],
    );
    expect(await redeliverEverything(173)).toBe(total);
    expect(await readModelSnapshot(kit.database.pool)).toEqual(once);
  });

  it('gives the same tables whatever the batch boundaries (a rebuild in pages of 1000)', async () => {
    const report = await rebuildReadModels({ pool: kit.database.pool, store: kit.store, batchSize: 1000 });
    expect(report.switched).toBe(true);
    expect(await readModelSnapshot(kit.database.pool)).toEqual(once);
  });
});
