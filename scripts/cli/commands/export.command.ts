import { once } from 'node:events';
import { PostgresEventStore } from '@app/event-store';
import { type CliCommand, type CommandContext, UsageError } from '../command';
import { eventStoreOf } from '../event-store-of';

function positionOption(options: CommandContext['options'], name: string): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a global position (a whole number from 1)`);
  return n;
}

/** Progress on stderr, at most once a second. */
function progress(): (events: number, sealed: number) => void {
  let shown = 0;
  return (events, sealed) => {
    if (Date.now() - shown < 1000) return;
    shown = Date.now();
    const line = `  exporting: ${events.toLocaleString('en')} events${sealed ? `, ${sealed.toLocaleString('en')} sealed-only lines` : ''}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary:
    'write the event log (global positions FROM..TO, default all) and the seals covering it to stdout as NDJSON, for tools/verify-export.mjs',
  usage: 'export [--from P] [--to Q] > export.ndjson',
  async run(context) {
    const from = positionOption(context.options, 'from');
    const to = positionOption(context.options, 'to');
    if (from !== undefined && to !== undefined && to < from) throw new UsageError('--to must not be before --from');
    const store = await eventStoreOf(context);
    try {
      if (!(store instanceof PostgresEventStore))
        throw new UsageError('export reads the PostgreSQL event store (EVENT_STORE=postgres)');
      let events = 0;
      const shown = progress();
      for await (const chunk of store.exportLog({
        from,
        to,
        onProgress: (n, sealed) => {
          events = n;
          shown(n, sealed);
        },
      })) {
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stderr.write(`exported ${events.toLocaleString('en')} events\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
