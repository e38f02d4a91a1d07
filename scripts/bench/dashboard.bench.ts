import 'reflect-metadata';
import { type Period, hue2020ProcedureCatalogue, hue2020UnitRegistry, localDateOf } from '@app/domain';
import { EVENT_STORE_MIGRATIONS, createEventStore } from '@app/event-store';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { READ_MODEL_MIGRATIONS, createReadModelDataSource } from '@app/read-models';
import { DashboardService, parseDashboardRequest } from '@app/reporting';
import { FiguresService } from '@app/reports';
import { parseArguments } from '../cli/command';
import { appendBenchLog, benchKeep, benchLogLine } from './support/bench-log';
import { openBenchDatabase } from './support/bench-postgres';
import { benchReadModels } from './support/bench-read-models';
import { fmt, table } from './support/latency';
import { machineLine } from './support/machine';
import { latencies } from './support/reports-timing';

/**
 * `npm run bench:dashboard [-- --dossiers 1000000] [--seed 1] [--runs 200] [--keep DIR]` (issue 17, acceptance 3): the bench log
 * of bench:reports (generated through the domain's decide, appended through the EventStore port, the read models
 * rebuilt from it), then the dashboard's whole answer — every query of it, in its one snapshot, plus the projector's
 * lag — for a quarter and the whole province (every unit of the registry), server time as the service computes it
 * (no HTTP): p50 / p95 over `runs` quarters. Target: p95 ≤ 200 ms. Also a period ending today (the overdue counts then
 * come from the work queue's index, not the counters) and one unit; and the answer checked against the figures.
 */
const { options } = parseArguments(process.argv.slice(2));
const DOSSIERS = Number(options.dossiers ?? 1_000_000);
const SEED = Number(options.seed ?? 1);
const RUNS = Number(options.runs ?? 200);

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
  const bench = await openBenchDatabase(benchKeep(options, { dossiers: DOSSIERS, seed: SEED }));
  const database = await openDatabase(loadConfig({ DATABASE_URL: bench.url, DATABASE_POOL_SIZE: '12' }));
  try {
    await runMigrations(database.pool, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
    const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
    console.log(`Dashboard bench: ${benchLogLine(DOSSIERS, SEED)}\n${machineLine()}\n${bench.where}\n`);
    await appendBenchLog(store, { dossiers: DOSSIERS, seed: SEED, pool: database.pool });
    await benchReadModels(database.pool, store);

    const dataSource = await createReadModelDataSource(database.pool);
    const reference = async () => ({ units: hue2020UnitRegistry(), procedures: hue2020ProcedureCatalogue() });
    const dashboards = new DashboardService({ dataSource, store, reference });
    const figures = new FiguresService({ dataSource, store, reference });
    const province = [...new Set(hue2020UnitRegistry().units.map((u) => u.id))].join(',');
    const quarter = (i: number): Period => QUARTERS[(i * 7) % QUARTERS.length] as Period;
    const ask = (period: Period, scope: { unit?: string; level?: string }, interval = 'day') =>
      dashboards.dashboard(parseDashboardRequest({ from: period.from, to: period.to, interval, ...scope }));

    const today = localDateOf(new Date());
    const endingToday: Period = { from: `${today.slice(0, 4)}-${today.slice(5, 7)}-01`, to: today };
    const cases: [string, (i: number) => Promise<unknown>][] = [
      ['quarter, whole province (13 units), per day', (i) => ask(quarter(i), { unit: province })],
      ['quarter, whole province, per week', (i) => ask(quarter(i), { unit: province }, 'week')],
      ['quarter, level district', (i) => ask(quarter(i), { level: 'district' })],
      ['quarter, one unit', (i) => ask(quarter(i), { unit: 'tth-hcc-hue' })],
      ['year 2023, whole province, per week', () => ask({ from: '2023-01-01', to: '2023-12-31' }, { unit: province })],
      ['month ending today, whole province (overdue from the queue index)', () => ask(endingToday, { unit: province })],
    ];
    const rows: string[][] = [];
    let worst = 0;
    for (const [label, work] of cases) {
      const timing = await latencies(RUNS, 20, work);
      if (label.startsWith('quarter, whole province (')) worst = timing.p95;
      rows.push([label, `${fmt(timing.p50, 1)} / ${fmt(timing.p95, 1)} / ${fmt(timing.max, 1)}`]);
    }

    // The dashboard adds up to the figures of the same period and units.
    const check = QUARTERS[10] as Period;
    const answer = await ask(check, { unit: province });
    const report = await figures.report({
      period: check,
      units: province.split(','),
      groupBy: 'none',
      source: 'read-model',
      format: 'json',
    });
    const total = (key: 'counter' | 'online' | 'postal' | 'early' | 'onTime' | 'late') =>
      [...answer.received, ...answer.results].reduce(
        (n, p) => n + ((p as unknown as Record<string, number>)[key] ?? 0),
        0,
      );
    const agree =
      total('counter') === report.total.received.counter &&
      total('online') === report.total.received.online &&
      total('postal') === report.total.received.postal &&
      total('early') === report.total.resolved.early &&
      total('onTime') === report.total.resolved.onTime &&
      total('late') === report.total.resolved.late &&
      answer.inProgress.within === report.total.inProgress.withinDeadline &&
      answer.inProgress.overdue === report.total.inProgress.overdue;

    console.log(
      `\n${table(
        ['dashboard data (whole answer, one snapshot + lag; server time, no HTTP)', 'p50 / p95 / max (ms)'],
        rows,
      )}\n\ntarget: quarter, whole province p95 ≤ 200 ms: ${fmt(worst, 1)} ms → ${worst <= 200 ? 'met' : 'NOT MET'}` +
        `\ndashboard sums = figures (${check.from}..${check.to}, whole province): ${agree ? 'yes' : 'NO'}` +
        ` (received ${fmt(report.total.received.total)}, resolved ${fmt(report.total.resolved.total)})`,
    );
    await dataSource.destroy();
    await store.close();
    if (!agree) process.exitCode = 1;
  } finally {
    await database.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
