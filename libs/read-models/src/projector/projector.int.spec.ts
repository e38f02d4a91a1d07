import { type DossierRecord, computeFigures, dossierRecordFrom } from '@app/domain';
import { readModelFigures } from '../figures/read-model-figures';
import { appendHistories } from '../testing/append-histories';
import { type ReadModelTestKit, createReadModelTestKit } from '../testing/read-model-test-kit';
import { generateWorkload } from '../testing/workload';
import { Projector } from './projector';

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
      expect(fromReadModel.get(unit)).toEqual(computeFigures(records.filter((r) => r.receivingUnitId === unit), period));
    }
    await projector.stop();
    expect(projector.status().eventsProjected).toBe(histories.reduce((s, h) => s + h.events.length, 0));
  });
});
