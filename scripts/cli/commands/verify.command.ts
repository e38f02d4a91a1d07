import { type CliCommand, UsageError } from '../command';
import { eventStoreOf } from '../event-store-of';
import { logVerificationLines, streamVerificationLines } from '../integrity-text';

/** Progress on stderr, at most once a second (rewritten in place on a terminal). */
function progress(): (done: number, total: number) => void {
  let shown = 0;
  const started = Date.now();
  return (done, total) => {
    if (Date.now() - shown < 1000) return;
    shown = Date.now();
    const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
    const line = `  verifying: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} events (${rate.toLocaleString('en')}/s)`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary:
    'check that nothing recorded was altered or removed: hash chains, stream heads, seals, witnesses (exit 0 intact, 1 broken)',
  usage: 'verify [--stream STREAM_ID] [--workers N]',
  async run(context) {
    const { options, print } = context;
    const stream = options.stream;
    if (stream === true) throw new UsageError('--stream needs a stream id');
    const workers = options.workers === undefined ? undefined : Number(options.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 16))
      throw new UsageError('--workers must be a whole number from 1 to 16');
    const store = await eventStoreOf(context);
    try {
      if (typeof stream === 'string') {
        const report = await store.verify({ streamId: stream });
        for (const line of streamVerificationLines(stream, report)) print(line);
        return report.ok ? 0 : 1;
      }
      const report = await store.verifyLog({ onProgress: progress(), ...(workers ? { workers } : {}) });
      if (process.stderr.isTTY) process.stderr.write('\n');
      for (const line of logVerificationLines(report)) print(line);
      return report.ok ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
