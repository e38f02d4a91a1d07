import { isDeepStrictEqual } from 'node:util';
import { ProjectorService } from '@app/projector';
import {
  type FiledReport,
  FiguresService,
  type FiguresReport,
  FilingService,
  type ReportRequest,
  renderComparisonText,
  renderFiledText,
  renderJson,
  renderText,
} from '@app/reports';
import { HUE_2020_Q3 } from '../../scenario/hue-2020-q3.scenario';
import { simulate } from '../../scenario/simulate';
import { standaloneContext } from '../app-context';
import { bieu06Table } from '../bieu06-table';
import { recordLateEntries } from '../demo-late-entries';
import type { CliCommand } from '../command';
import { progressLine } from '../progress';

/**
 * `npm run demo`: the Huế Q3-2020 scenario recorded through the command path, projected, and reported as the
 * source report prints it — the paragraphs of § II.3.b and the Biểu 06 table — filed (a ReportFiled event), checked
 * against a replay of the event log at the filing's position; then a handful of late entries dated inside the
 * quarter, the figures now, and "filed versus now" explained dossier by dossier. Idempotent: a second run records
 * nothing new (the filing and the late entries are found again) and prints the same filed report.
 */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'record the Huế Q3-2020 scenario (~71,000 dossiers) and print the report it yields',
  usage: 'demo [--seed 1] [--scale 1]',
  async run(context) {
    const { print, options } = context;
    const started = Date.now();
    const seed = Number(options.seed ?? 1);
    const scale = Number(options.scale ?? 1);
    const database = await context.database();
    print(`dossier-tracker demo — ${HUE_2020_Q3.description}`);
    const where = {
      external: 'DATABASE_URL',
      attached: 'the embedded PostgreSQL of the running npm start',
      embedded: `embedded PostgreSQL in ${context.config.dataDir}/postgres`,
    };
    print(`database: ${where[database.kind]}\n`);
    const app = await standaloneContext(context);
    try {
      print(
        '1. Recording the quarter through the intake command bus (receipts, transfers, supplements, results, returns…)',
      );
      const simulation = await simulate(app, {
        definition: HUE_2020_Q3,
        seed,
        scale,
        onProgress: progressLine('recorded'),
      });
      print(
        `\n   ${simulation.dossiers.toLocaleString('en')} dossiers, ${simulation.commands.toLocaleString('en')} commands in ${simulation.seconds.toFixed(1)} s` +
          (simulation.replayed
            ? ` (${simulation.replayed.toLocaleString('en')} were already recorded: nothing new appended)`
            : ''),
      );

      print('2. Waiting for the projections');
      const projector = app.get(ProjectorService).projector;
      for (;;) {
        const lag = await projector.lag(100_000);
        if (lag.pendingEvents === 0) break;
        process.stderr.write(
          `   ${lag.pendingCapped ? '≥ ' : ''}${lag.pendingEvents.toLocaleString('en')} events to project…\n`,
        );
        await new Promise((r) => setTimeout(r, 1000));
      }

      const figures = app.get(FiguresService);
      const filings = app.get(FilingService);
      const request: ReportRequest = {
        period: HUE_2020_Q3.period,
        levels: ['province', 'district'],
        groupBy: 'level',
        source: 'read-model',
        format: 'text',
      };
      const earlier = await demoFiling(filings);
      const filing =
        earlier ??
        (await filings.file(
          { from: request.period.from, to: request.period.to, level: 'province,district', title: DEMO_TITLE },
          { actor: 'demo-director', actorName: 'Giám đốc Trung tâm (demo)' },
        ));
      print(
        `3. The report of the quarter, filed${earlier ? ' by an earlier run' : ''} (${filing.id}) at log position ` +
          `${filing.position.transactionId}:${filing.position.globalPosition}, from the read models\n`,
      );
      print(renderFiledText(filing));
      print('\nBiểu số 06/VPCP/KSTT\n');
      print(bieu06Table(filing.figures));

      const replay = await figures.report({ ...request, source: 'replay', asKnownAtFiling: filing.id });
      const agree = sameFigures(filing.figures, replay);
      print(
        `\n4. Auditor's check: replaying the event log up to the filing's position (${replay.eventsReplayed?.toLocaleString('en')} events) through the domain gives ${agree ? 'the filed figures' : 'DIFFERENT figures'}.`,
      );

      print('\n5. Late entries dated inside the quarter, recorded after the filing (as happens in real centres)');
      if (earlier) print('   (recorded by the earlier run)');
      else for (const entry of await recordLateEntries(app, database)) print(`   - ${entry}`);
      await projector.caughtUp();

      print('\n6. The figures now, from the read models\n');
      print(renderText(await figures.report(request)));

      const comparison = await filings.compare(filing.id);
      const explained = [...comparison.groups, comparison.total].every((line) =>
        line.figures.every((f) => f.unexplained === 0),
      );
      print('\n7. Filed versus now, explained dossier by dossier\n');
      print(renderComparisonText(comparison));
      print(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return agree && explained ? 0 : 1;
    } finally {
      await app.close();
    }
  },
};

const DEMO_TITLE = 'Báo cáo kết quả giải quyết TTHC Quý III/2020 (demo)';

/** The demo's filing, when an earlier run filed it. */
async function demoFiling(filings: FilingService): Promise<FiledReport | undefined> {
  return (await filings.list()).find((f) => f.title === DEMO_TITLE && f.period.from === HUE_2020_Q3.period.from);
}

/** The filed figures (the figures API's JSON) and a report's, rendered the same way, figure for figure. */
function sameFigures(filed: FiguresReport, replay: FiguresReport): boolean {
  // the filed figures come back from jsonb (keys in its order): compared as values, not as text
  const figures = (report: FiguresReport): unknown => JSON.parse(JSON.stringify(report.groups.map((g) => g.figures)));
  return isDeepStrictEqual(figures(filed), figures(renderJson(replay)));
}
