import { createEventStore } from '@app/event-store';
import { PartitionCountMismatchError, RebuildInProgressError, rebuildReadModels } from '@app/read-models';
import { type CliCommand, UsageError, stringOption } from '../command';

export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary:
    'replay the whole log into fresh read-model tables, then switch over (the old ones serve meanwhile; Ctrl-C and rerun resumes)',
  usage: 'rebuild [--batch-size 100000] [--workers 1] [--restart] [--no-switch]',
  async run({ options, database, print }) {
    const batchSize = Number(stringOption(options, 'batch-size', '100000'));
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000)
      throw new UsageError('--batch-size must be a whole number from 1 to 1000000');
    const workers = Number(stringOption(options, 'workers', '1'));
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      throw new UsageError('--workers must be a whole number from 1 to 64 (worker threads, each a share of the units)');
    const db = await database();
    const store = await createEventStore({ kind: 'postgres', pool: db.pool, migrate: false });
    const abort = new AbortController();
    const interrupt = () => {
      process.stderr.write('\ninterrupt: stopping after the batch in flight (run rebuild again to resume)\n');
      abort.abort();
    };
    process.once('SIGINT', interrupt);
    let shown = 0;
    try {
      const report = await rebuildReadModels({
        pool: db.pool,
        store,
        batchSize,
        workers,
        url: db.url,
        restart: options.restart === true,
        switchOver: options['no-switch'] !== true,
        signal: abort.signal,
        onProgress: (p) => {
          if (Date.now() - shown < 1000) return;
          shown = Date.now();
          process.stderr.write(
            `  generation ${p.generation}: ${p.events.toLocaleString('en')} events in ${p.seconds.toFixed(1)} s (${p.eventsPerSecond.toLocaleString('en')} events/s)\n`,
          );
        },
      });
      print(
        `${report.resumed ? 'Resumed' : 'Rebuilt'} generation ${report.generation}: ${report.events.toLocaleString('en')} events in ${report.seconds.toFixed(1)} s ` +
          `(${report.eventsPerSecond.toLocaleString('en')} events/s).`,
      );
      if (report.interrupted)
        print('Interrupted: the new generation keeps its checkpoint; run rebuild again to resume.');
      else if (report.switched)
        print(
          `Switched over from generation ${report.previousGeneration}; dropped: ${report.dropped.join(', ') || 'none'}.`,
        );
      else print('Not switched (--no-switch): the new generation is filled; run rebuild again to switch.');
      return report.interrupted ? 130 : 0;
    } catch (error) {
      if (error instanceof RebuildInProgressError || error instanceof PartitionCountMismatchError) {
        print(error.message);
        return 1;
      }
      throw error;
    } finally {
      process.removeListener('SIGINT', interrupt);
      await store.close();
    }
  },
};
