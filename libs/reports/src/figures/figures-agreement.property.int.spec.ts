import fc from 'fast-check';
import {
  type DossierRecord,
  type Figures,
  type Period,
  HUE_2020_UNITS,
  computeFigures,
  computeFiguresBy,
  dossierRecordFrom,
  emptyFigures,
  hue2020ProcedureCatalogue,
  hue2020UnitRegistry,
} from '@app/domain';
import { periodArb } from '@app/domain/testing';
import { Projector, readModelFigures } from '@app/read-models';
import { toNewEvent } from '@app/read-models/testing';
import { historyScriptArb, runHistory } from '@app/read-models/testing';
import { type ReadModelTestKit, createReadModelTestKit } from '@app/read-models/testing';
import { GROUP_BYS, type ReportRequest } from '../query/report-request';
import { replayRecords } from '../replay/replay-records';
import { FiguresService } from './figures.service';

/**
 * Acceptance 3: for random valid histories (appended through the EventStore port while the live projector runs),
 * random periods and random units, read-model figures = replay figures = the domain's computeFigures.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('read model = replay = domain, for random histories, periods and units', () => {
  let kit: ReadModelTestKit;
  let projector: Projector;
  let service: FiguresService;
  const records: DossierRecord[] = [];
  const knownAt: { at: Date; records: number }[] = [];
  const unitIds = [...new Set(HUE_2020_UNITS.map((u) => u.id))];

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    projector = new Projector({ pool: kit.database.pool, store: kit.store, batchSize: 37 });
    projector.start();
    service = new FiguresService({
      dataSource: kit.dataSource,
      store: kit.store,
      reference: async () => ({ units: hue2020UnitRegistry(), procedures: hue2020ProcedureCatalogue() }),
    });
  });
  afterAll(async () => {
    await projector.stop();
    await kit.close();
  });

  const byUnit = (map: Map<string, Figures>, unit: string): Figures => map.get(unit) ?? emptyFigures();
  const requestArb = fc.record({
    units: fc.subarray(unitIds, { minLength: 1 }),
    level: fc.option(fc.subarray(['province', 'district'], { minLength: 1 }), { nil: undefined }),
    groupBy: fc.constantFrom(...GROUP_BYS),
    knownAt: fc.nat(),
  });

  let run = 0;
  it('agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(historyScriptArb('2020-01-01', 400), { minLength: 1, maxLength: 40 }),
        fc.array(periodArb('2020-01-01', 420), { minLength: 1, maxLength: 4 }),
        requestArb,
        async (scripts, periods, ask) => {
          run++;
          const histories = scripts.map((s, i) => runHistory(s, i, `run${run}`)).filter((h) => h.events.length > 0);
          for (const h of histories) await kit.store.append(h.streamId, h.events.map(toNewEvent));
          records.push(
            ...histories.map((h) => dossierRecordFrom(h.events)).filter((r): r is DossierRecord => r !== null),
          );
          // recorded_at has microseconds, Date milliseconds: step clear of both sides of the instant.
          await sleep(2);
          knownAt.push({ at: new Date(), records: records.length });
          await sleep(2);
          await projector.caughtUp();

          const replayed = await replayRecords(kit.store, { pageSize: 53 });
          for (const period of periods) {
            const expected = computeFiguresBy(records, period);
            const fromReplay = computeFiguresBy(replayed.records, period);
            const fromReadModel = await readModelFigures(kit.dataSource, { period, units: unitIds });
            for (const unit of unitIds) {
              expect(byUnit(fromReadModel, unit)).toEqual(byUnit(expected, unit));
              expect(byUnit(fromReplay, unit)).toEqual(byUnit(expected, unit));
            }
            await sameReports(period, ask);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  async function sameReports(
    period: Period,
    ask: { units: string[]; level?: string[]; groupBy: ReportRequest['groupBy']; knownAt: number },
  ): Promise<void> {
    const scope: Partial<ReportRequest> = ask.level ? { levels: ask.level } : { units: ask.units };
    const request: ReportRequest = { period, groupBy: ask.groupBy, source: 'read-model', format: 'json', ...scope };
    const fromReadModel = await service.report(request);
    const fromReplay = await service.report({ ...request, source: 'replay' });
    expect(fromReplay.groups).toEqual(fromReadModel.groups);
    expect(fromReplay.total).toEqual(fromReadModel.total);
    const inScope = new Set(
      ask.level
        ? ask.level.flatMap((l) =>
            hue2020UnitRegistry()
              .unitsOfLevel(l, period.to)
              .map((u) => u.id),
          )
        : ask.units,
    );
    expect(fromReadModel.total).toEqual(
      computeFigures(
        records.filter((r) => inScope.has(r.receivingUnitId)),
        period,
      ),
    );
    const then = knownAt[ask.knownAt % knownAt.length] as { at: Date; records: number };
    const asKnown = await service.report({ ...request, asKnownAt: then.at });
    expect(asKnown).toMatchObject({
      source: 'replay',
      requestedSource: 'read-model',
      asKnownAt: then.at.toISOString(),
    });
    expect(asKnown.total).toEqual(
      computeFigures(
        records.slice(0, then.records).filter((r) => inScope.has(r.receivingUnitId)),
        period,
      ),
    );
  }
});
