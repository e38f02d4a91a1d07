import { type DossierRecord, computeFigures, dossierRecordFrom } from '@app/domain';
import { readModelFigures } from '../figures/read-model-figures';
import { appendHistories } from '../testing/append-histories';
import { type ReadModelTestKit, createReadModelTestKit } from '../testing/read-model-test-kit';
import { generateWorkload } from '../testing/workload';
import { Projector } from './projector';
import { resolvesWithin } from '@app/event-store/testing';

describe('live projector', () => {
  let kit: ReadModelTestKit;
  beforeAll(async () => {
    kit = await createReadModelTestKit();
  });
  afterAll(async () => kit.close());

  it('follows the log and gives the domain figures', async () => {
    const histories = [...generateWorkload({ seed: 11, dossiers: 3000, from: '2020-03-01', days: 200 })];
    await appendHistories(kit.store, histories);
    const projector = new Projector({ pool: kit.database.pool, store: kit.store, batchSize: 500 });
    projector.start();
    await projector.caughtUp();
    const records = histories.map((h) => dossierRecordFrom(h.events)).filter((r): r is DossierRecord => r !== null);
    const period = { from: '2020-06-10', to: '2020-09-04' };
    const units = [...new Set(records.map((r) => r.receivingUnitId))];
    const fromReadModel = await readModelFigures(kit.dataSource, { period, units });
    for (const unit of units) {
      expect(fromReadModel.get(unit)).toEqual(
        computeFigures(
          records.filter((r) => r.receivingUnitId === unit),
          period,
        ),
      );
    }
    await projector.stop();
    expect(projector.status().eventsProjected).toBe(histories.reduce((s, h) => s + h.events.length, 0));
  });

  it('stops while it is still reading the active generation (a stop() during start-up never waits forever)', async () => {
    // Hold read_models.generations so that run()'s activeGeneration() waits; stop() comes meanwhile.
    const holder = await kit.database.pool.connect();
    const projector = new Projector({ pool: kit.database.pool, store: kit.store });
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE read_models.generations IN ACCESS EXCLUSIVE MODE');
      projector.start();
      await waitUntil(async () => (await queriesWaitingOnGenerations(kit)) > 0);
      const stopped = projector.stop();
      await holder.query('COMMIT');
      expect(await resolvesWithin(stopped, 5_000)).toBe(true);
      expect(projector.status().state).toBe('stopped');
      expect(await queriesWaitingOnGenerations(kit)).toBe(0);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  });
});

/** Sessions of the test database (other than this one) waiting for a lock on a query of the generations table. */
async function queriesWaitingOnGenerations(kit: ReadModelTestKit): Promise<number> {
  const { rows } = await kit.database.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%read_models.generations%'`,
  );
  return rows[0]?.n ?? 0;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
