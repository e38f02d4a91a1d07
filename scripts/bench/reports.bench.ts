import 'reflect-metadata';
import { type Period, hue2020ProcedureCatalogue, hue2020UnitRegistry } from '@app/domain';
import { EVENT_STORE_MIGRATIONS, createEventStore } from '@app/event-store';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import {
  Projector,
  READ_MODEL_MIGRATIONS,
  createReadModelDataSource,
  readModelFigures,
  rebuildReadModels,
} from '@app/read-models';
import { appendHistories, generateWorkload } from '@app/read-models/testing';
import { FiguresService, FilingService, FilingStore, replayFiguresInWorker } from '@app/reports';
import { parseArguments } from '../cli/command';
import { appendBenchLog, benchLogLine } from './support/bench-log';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, table } from './support/latency';
import { machineLine } from './support/machine';
import { latencies, progress } from './support/reports-timing';

/**
 * `npm run bench:reports [-- --dossiers 1000000] [--seed 1] [--runs 200]`: generates the dossiers (every event through
 * the domain's decide, the histories merged in time order and appended day by day through the EventStore port), then measures a full read-model rebuild, a quarter's
 * figures from the read models (the province level, the whole province, one unit) and the auditor's replay.
 * Targets (issue 6): rebuild ≥ 50,000 events/s; quarter figures ≤ 100 ms p95; replay ≤ 30 s for 5M events.
 * Then (issue 18) files the quarter's report for the whole province, records late dossiers dated inside it and
 * compares the filing with now: ≤ 5 s.
 */
const { options } = parseArguments(process.argv.slice(2));
const DOSSIERS = Number(options.dossiers ?? 1_000_000);
const SEED = Number(options.seed ?? 1);
const RUNS = Number(options.runs ?? 200);
// --applicants: every receipt carries a sealed applicant of the real size (issue 15)
const APPLICANTS = options.applicants === true;

const QUARTERS: Period[] = [2020, 2021, 2022, 2023].flatMap((year) =>
  [
    ['01-01', '03-31'],
    ['04-01', '06-30'],
    ['07-01', '09-30'],
    ['10-01', '12-31'],
  ].map(([from, to]) => ({ from: `${year}-${from}`, to: `${year}-${to}` })),
);

async function main(): Promise<void> {
  if (!Number.isInteger(DOSSIERS) || DOSSIERS < 1) throw new Error('--dossiers must be a positive whole number');
  const bench = await openBenchDatabase();
  const database = await openDatabase(loadConfig({ DATABASE_URL: bench.url, DATABASE_POOL_SIZE: '12' }));
  try {
    await runMigrations(database.pool, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
    const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
    console.log(`Reports bench: ${benchLogLine(DOSSIERS, SEED, APPLICANTS)}\n${machineLine()}\n${bench.where}\n`);

    const appended = await appendBenchLog(store, { dossiers: DOSSIERS, seed: SEED, applicants: APPLICANTS });

    // A rebuild runs on a settled database, not during the flush of a bulk load's dirty pages.
    await database.pool.query('CHECKPOINT');
    const rebuildProgress = progress('rebuilding');
    const rebuild = await rebuildReadModels({
      pool: database.pool,
      store,
      onProgress: (p) => rebuildProgress(p.events, 'events'),
    });
    console.log(
      `rebuild: ${fmt(rebuild.events)} events in ${fmt(rebuild.seconds, 1)} s, switched to generation ${rebuild.generation}`,
    );

    const dataSource = await createReadModelDataSource(database.pool);
    const service = new FiguresService({
      dataSource,
      store,
      reference: async () => ({ units: hue2020UnitRegistry(), procedures: hue2020ProcedureCatalogue() }),
    });
    const allUnits = hue2020UnitRegistry()
      .unitsAt('2022-01-01')
      .map((u) => u.id);
    const quarter = (i: number): Period => QUARTERS[(i * 7) % QUARTERS.length] as Period;
    const ask = (
      i: number,
      scope: { units?: string[]; levels?: string[] },
      groupBy: 'none' | 'unit' | 'level' = 'none',
    ) => service.report({ period: quarter(i), groupBy, source: 'read-model', format: 'json', ...scope });
    const province = await latencies(RUNS, 20, (i) => ask(i, { levels: ['province'] }));
    const wholeProvince = await latencies(RUNS, 20, (i) => ask(i, { units: allUnits }, 'unit'));
    const oneUnit = await latencies(RUNS, 20, (i) => ask(i, { units: ['tth-hcc-hue'] }));

    // The auditor's replay as the API runs it (worker threads): the whole log folded, a quarter's figures per unit.
    // Twice, after a CHECKPOINT (the rebuild leaves gigabytes of dirty pages for the server to write meanwhile).
    const check = QUARTERS[10] as Period;
    await database.pool.query('CHECKPOINT');
    const replays: number[] = [];
    let replay = { figures: [] as [string, unknown][], events: 0 };
    for (let run = 0; run < 2; run++) {
      const started = nowMs();
      replay = await replayFiguresInWorker(bench.url, { period: check, units: allUnits, by: 'unit' });
      replays.push((nowMs() - started) / 1000);
    }
    const replaySeconds = Math.min(...replays);
    const fromReadModel = await readModelFigures(dataSource, { period: check, units: allUnits });
    const agree = allUnits.every(
      (u) => JSON.stringify(new Map(replay.figures).get(u) ?? null) === JSON.stringify(fromReadModel.get(u) ?? null),
    );

    // Filed versus now (issue 18): the quarter filed for the whole province, late entries dated inside it recorded
    // and projected, then the comparison (read-model snapshot, the log after the filing, the moved dossiers' streams).
    const filings = new FilingService({
      figures: service,
      filings: new FilingStore(store),
      store,
      versions: async () => ({ units: 1, procedures: 1, calendar: 1 }),
    });
    const filing = await filings.file(
      { from: check.from, to: check.to, level: 'province,district' },
      { actor: 'bench', actorName: 'bench:reports' },
    );
    const late = await appendHistories(
      store,
      generateWorkload({ seed: SEED + 18_000, dossiers: 500, from: check.from, days: 80 }),
    );
    const projector = new Projector({ pool: database.pool, store });
    projector.start();
    await projector.caughtUp();
    await projector.stop();
    const comparisons: number[] = [];
    let comparison = await filings.compare(filing.id);
    for (let run = 0; run < 3; run++) {
      const started = nowMs();
      comparison = await filings.compare(filing.id);
      comparisons.push((nowMs() - started) / 1000);
    }
    const explained = [...comparison.groups, comparison.total].every((line) =>
      line.figures.every((f) => f.unexplained === 0 && f.dossiers.reduce((n, d) => n + d.change, 0) === f.difference),
    );

    const ms = (n: number) => fmt(n, 1);
    console.log(
      `\n${table(
        ['measure', 'value', 'target'],
        [
          ['events in the log', fmt(appended.events), ''],
          ['rebuild throughput (events/s)', fmt(rebuild.eventsPerSecond), '≥ 50,000'],
          ['quarter figures, level province: p50 / p95 (ms)', `${ms(province.p50)} / ${ms(province.p95)}`, 'p95 ≤ 100'],
          [
            'quarter figures, whole province by unit: p50 / p95 (ms)',
            `${ms(wholeProvince.p50)} / ${ms(wholeProvince.p95)}`,
            'p95 ≤ 100',
          ],
          ['quarter figures, one unit: p50 / p95 (ms)', `${ms(oneUnit.p50)} / ${ms(oneUnit.p95)}`, 'p95 ≤ 100'],
          [
            `replay of the log (s, two runs), ${fmt(replay.events)} events, figures of a quarter`,
            replays.map((r) => fmt(r, 1)).join(' / '),
            `≤ 30 for 5M (best ${fmt((replaySeconds * 5_000_000) / Math.max(1, replay.events), 1)} s scaled)`,
          ],
          [`replay figures = read-model figures (${check.from}..${check.to}, 11 units)`, agree ? 'yes' : 'NO', 'yes'],
          [
            `filed vs now, quarter, whole province (s, 3 runs; ${fmt(late.events)} late events, ${fmt(comparison.dossiersMoved)} dossiers moved)`,
            comparisons.map((c) => fmt(c, 2)).join(' / '),
            '≤ 5',
          ],
          ['filed vs now: every change explained by dossiers', explained ? 'yes' : 'NO', 'yes'],
        ],
      )}`,
    );
    await dataSource.destroy();
    await store.close();
    if (!agree || !explained) process.exitCode = 1;
  } finally {
    await database.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
