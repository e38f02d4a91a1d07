import fc from 'fast-check';
import {
  CLASSIFICATION_RULES_VERSION,
  type DossierEvent,
  type DossierRecord,
  HUE_2020_UNITS,
  computeFigures,
  dossierRecordFrom,
  hue2020ProcedureCatalogue,
  hue2020UnitRegistry,
} from '@app/domain';
import { periodArb } from '@app/domain/testing';
import { Projector } from '@app/read-models';
import {
  type ReadModelTestKit,
  createReadModelTestKit,
  historyScriptArb,
  runHistory,
  toNewEvent,
} from '@app/read-models/testing';
import { FiguresService } from '../figures/figures.service';
import { parseReportRequest } from '../query/parse-report-request';
import { GROUP_BYS } from '../query/report-request';
import { renderJson } from '../render/render-json';
import { countsOf, FIGURE_KEYS } from './figure-keys';
import { FilingService } from './filing.service';
import { FilingStore } from './filing-store';

/**
 * Acceptance 1 (issue 18): random histories, each cut in two — the first part recorded before the filing, the rest
 * after it (late results, corrections, supplements, back-office receipts dated inside the period) — and whole
 * dossiers recorded only after it. Recomputed at the filing's position, the figures are the filed ones exactly;
 * "filed versus now" explains every figure's change dossier by dossier, to the unit.
 */
describe('filed reports: as known at the filing, and filed versus now', () => {
  let kit: ReadModelTestKit;
  let projector: Projector;
  let figures: FiguresService;
  let filings: FilingService;
  const unitIds = [...new Set(HUE_2020_UNITS.map((u) => u.id))];

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    projector = new Projector({ pool: kit.database.pool, store: kit.store, batchSize: 41 });
    projector.start();
    const store = new FilingStore(kit.store);
    figures = new FiguresService({
      dataSource: kit.dataSource,
      store: kit.store,
      reference: async () => ({ units: hue2020UnitRegistry(), procedures: hue2020ProcedureCatalogue() }),
      filingPosition: (id) => store.position(id),
    });
    filings = new FilingService({
      figures,
      filings: store,
      store: kit.store,
      versions: async () => ({ units: 1, procedures: 1, calendar: 1 }),
    });
  });
  afterAll(async () => {
    await projector.stop();
    await kit.close();
  });

  const askArb = fc.record({
    units: fc.subarray(unitIds, { minLength: 1 }),
    level: fc.option(fc.subarray(['province', 'district'], { minLength: 1 }), { nil: undefined }),
    groupBy: fc.constantFrom(...GROUP_BYS),
  });
  const cutArb = fc.record({ history: historyScriptArb('2020-01-01', 300), cut: fc.nat(12), late: fc.boolean() });

  let run = 0;
  let differences = 0;
  const everyHistory: DossierEvent[][] = []; // the log keeps every run's dossiers
  it('recomputes the filed figures exactly, and explains every change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cutArb, { minLength: 1, maxLength: 25 }),
        periodArb('2020-01-01', 300),
        askArb,
        async (cuts, period, ask) => {
          run++;
          const histories = cuts.map((c, i) => ({ ...c, run: runHistory(c.history, i, `f${run}`) }));
          const split = histories.map((h) => {
            const events = h.run.events;
            const at = h.late ? 0 : Math.min(events.length, h.cut % (events.length + 1));
            return { streamId: h.run.streamId, before: events.slice(0, at), after: events.slice(at) };
          });
          for (const s of split) if (s.before.length > 0) await kit.store.append(s.streamId, s.before.map(toNewEvent));
          await projector.caughtUp();

          const scope = ask.level ? { level: ask.level.join(',') } : { unit: ask.units.join(',') };
          const filing = await filings.file(
            { from: period.from, to: period.to, groupBy: ask.groupBy, ...scope },
            { actor: 'director-test', actorName: 'Lãnh đạo thử' },
          );
          expect(filing.versions.rules).toBe(CLASSIFICATION_RULES_VERSION);
          for (const s of split) if (s.after.length > 0) await kit.store.append(s.streamId, s.after.map(toNewEvent));
          await projector.caughtUp();

          // as known at the filing (by its id, and by its position tx:pos): the filed figures, exactly
          const request = parseReportRequest({ from: period.from, to: period.to, groupBy: ask.groupBy, ...scope });
          const byId = renderJson(await figures.report({ ...request, asKnownAtFiling: filing.id }));
          const { transactionId, globalPosition } = filing.position;
          const atPosition = renderJson(
            await figures.report({ ...request, asKnownAtPosition: { transactionId, globalPosition } }),
          );
          for (const recomputed of [byId, atPosition]) {
            expect(JSON.parse(JSON.stringify(recomputed.groups))).toEqual(filing.figures.groups);
            expect(JSON.parse(JSON.stringify(recomputed.total))).toEqual(filing.figures.total);
          }

          // filed versus now: the dossiers' changes add up to each figure's difference
          const comparison = await filings.compare(filing.id);
          for (const line of [...comparison.groups, comparison.total]) {
            for (const figure of line.figures) {
              expect(figure.unexplained).toBe(0);
              expect(figure.dossiers.reduce((sum, d) => sum + d.change, 0)).toBe(figure.difference);
              for (const d of figure.dossiers) expect(d.events.length).toBeGreaterThan(0);
              if (figure.difference !== 0) differences++;
            }
          }
          // and "now" is the domain's figures of every record in scope
          const inScope = new Set(filing.scope.unitsInScope);
          everyHistory.push(...histories.map((h) => h.run.events));
          const records = everyHistory
            .map((events) => dossierRecordFrom(events))
            .filter((r): r is DossierRecord => r !== null && inScope.has(r.receivingUnitId));
          const nowTotal = Object.fromEntries(comparison.total.figures.map((f) => [f.figure, f.now]));
          const expected = countsOf(computeFigures(records, period));
          expect(FIGURE_KEYS.filter((k) => nowTotal[k] !== expected[k])).toEqual([]);
        },
      ),
      { numRuns: 30, seed: 18, endOnFailure: true },
    );
    // the property was exercised on real changes, not only on identical figures
    expect(differences).toBeGreaterThan(10);
  });
});
