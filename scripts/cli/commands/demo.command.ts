import { ProjectorService } from '@app/projector';
import { FiguresService, type FiguresReport, type ReportRequest, renderText } from '@app/reports';
import { HUE_2020_Q3 } from '../../scenario/hue-2020-q3.scenario';
import { simulate } from '../../scenario/simulate';
import { standaloneContext } from '../app-context';
import { bieu06Table } from '../bieu06-table';
import type { CliCommand } from '../command';
import { progressLine } from '../progress';

/**
 * `npm run demo`: the Huế Q3-2020 scenario recorded through the command path, projected, and reported as the
 * source report prints it — the paragraphs of § II.3.b and the Biểu 06 table — then checked against a replay of
 * the event log. Idempotent: a second run records nothing new and prints the same figures.
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
      const request: ReportRequest = {
        period: HUE_2020_Q3.period,
        levels: ['province', 'district'],
        groupBy: 'level',
        source: 'read-model',
        format: 'text',
      };
      const report = await figures.report(request);
      print('3. The report, from the read models\n');
      print(renderText(report));
      print('\nBiểu số 06/VPCP/KSTT\n');
      print(bieu06Table(report));

      const replay = await figures.report({ ...request, source: 'replay' });
      const agree = sameFigures(report, replay);
      print(
        `\n4. Auditor's check: replaying the event log (${replay.eventsReplayed?.toLocaleString('en')} events) through the domain gives ${agree ? 'the same figures' : 'DIFFERENT figures'}.`,
      );
      print(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return agree ? 0 : 1;
    } finally {
      await app.close();
    }
  },
};

function sameFigures(a: FiguresReport, b: FiguresReport): boolean {
  return JSON.stringify(a.groups.map((g) => g.figures)) === JSON.stringify(b.groups.map((g) => g.figures));
}
