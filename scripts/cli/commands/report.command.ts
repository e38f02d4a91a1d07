import { FilingError } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { waitForReadModels } from '@app/read-models';
import {
  FiguresService,
  FilingService,
  renderComparisonText,
  type ReportRequest,
  ReportParameterError,
  parseReportRequest,
  renderCsv,
  renderXlsx,
  renderJson,
  renderText,
} from '@app/reports';
import { standaloneContext } from '../app-context';
import { type CliCommand, type CommandContext, UsageError } from '../command';

const OPTION_OF: Record<string, string> = {
  groupBy: 'group-by',
  asKnownAt: 'as-known-at',
  asKnownAtPosition: 'as-known-at-position',
};

function usageError(error: ReportParameterError): UsageError {
  return new UsageError(`--${OPTION_OF[error.parameter] ?? error.parameter}: ${error.message}`);
}

function requestFrom(options: CommandContext['options']): ReportRequest {
  const text = (name: string): string | undefined => {
    const value = options[name];
    if (value === true) throw new UsageError(`--${name} needs a value`);
    return value === false ? undefined : value;
  };
  try {
    return parseReportRequest({
      from: text('from'),
      to: text('to'),
      unit: text('unit'),
      level: text('level'),
      groupBy: text('group-by'),
      asKnownAt: text('as-known-at'),
      asKnownAtPosition: text('as-known-at-position'),
      source: text('source'),
      format: text('format') ?? 'text',
    });
  } catch (error) {
    throw error instanceof ReportParameterError ? usageError(error) : error;
  }
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary:
    'figures of a period: Vietnamese paragraphs (default), Biểu 06 CSV or JSON, from the read models or by replay',
  usage:
    'report --from YYYY-MM-DD --to YYYY-MM-DD (--unit ID[,ID…] | --level province[,district…]) [--group-by unit|level|procedure|none] ' +
    '[--as-known-at 2020-09-05T17:00:00+07:00|FILING-ID] [--as-known-at-position TX:POS|POS] [--source read-model|replay] [--format text|csv|json|xlsx]' +
    ' | report --compare-filing FILING-ID [--format text|json]',
  async run(context) {
    if (context.options['compare-filing'] !== undefined) return compareFiling(context);
    const request = requestFrom(context.options);
    const app = await standaloneContext(context);
    try {
      if (request.source === 'read-model' && !request.asKnownAt) {
        const caughtUp = await waitForReadModels({
          pool: (await context.database()).pool,
          store: app.get<EventStore>(EVENT_STORE),
          timeoutMs: 120_000,
        });
        if (!caughtUp)
          process.stderr.write('warning: the read models are still catching up with the log; figures may be behind\n');
      }
      const report = await app
        .get(FiguresService)
        .report(request)
        .catch((error: unknown) => {
          throw error instanceof ReportParameterError ? usageError(error) : error;
        });
      if (request.format === 'json') context.print(JSON.stringify(renderJson(report), null, 2));
      else if (request.format === 'csv') process.stdout.write(renderCsv(report));
      else if (request.format === 'xlsx')
        process.stdout.write(await renderXlsx(report, { createdAt: new Date(report.generatedAt) }));
      else context.print(renderText(report));
    } finally {
      await app.close();
    }
  },
};

/** `report --compare-filing ID`: the filed figures beside now's, and the dossiers and events that moved them. */
async function compareFiling(context: CommandContext): Promise<number> {
  const id = context.options['compare-filing'];
  if (typeof id !== 'string') throw new UsageError('--compare-filing needs the id of a filed report');
  const app = await standaloneContext(context);
  try {
    const caughtUp = await waitForReadModels({
      pool: (await context.database()).pool,
      store: app.get<EventStore>(EVENT_STORE),
      timeoutMs: 120_000,
    });
    if (!caughtUp)
      process.stderr.write('warning: the read models are still catching up with the log; "now" may be behind\n');
    const comparison = await app
      .get(FilingService)
      .compare(id)
      .catch((error: unknown) => {
        throw error instanceof FilingError ? new UsageError(`--compare-filing: ${error.message}`) : error;
      });
    context.print(
      context.options.format === 'json' ? JSON.stringify(comparison, null, 2) : renderComparisonText(comparison),
    );
    return 0;
  } finally {
    await app.close();
  }
}
