/**
 * `npm run cluster:local [-- --dir .data/cluster] [--port 8080]`: the distributed mode on one machine — PostgreSQL
 * primary and streaming standby, three Kafka nodes, two intake and two reporting processes behind nginx, the
 * projector and the relay each with a standby, two notifiers (when apps/notifier exists) and a loopback SMTP sink,
 * each a supervised process (restarted when it dies). Logs in `<dir>/logs/<name>.log`; a status table refreshed
 * every 2 s; Ctrl-C stops everything in order.
 */
import path from 'node:path';
import { startCluster } from './cluster';
import { statusTable } from './status-table';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const dir = path.resolve(option('--dir') ?? '.data/cluster');
  const port = option('--port');
  const events: string[] = [];
  const log = (line: string): void => {
    events.push(`${new Date().toISOString().slice(11, 19)} ${line}`);
    if (events.length > 8) events.shift();
    if (!tty) console.log(line);
  };
  const tty = process.stdout.isTTY === true;
  const started = Date.now();
  console.log(`starting the cluster in ${dir} (logs in ${path.join(dir, 'logs')})…`);
  const cluster = await startCluster({ dir, port: port ? Number(port) : undefined, log });
  console.log(`up in ${((Date.now() - started) / 1000).toFixed(0)} s: ${cluster.url} (Ctrl-C stops it)`);
  let stopping = false;
  const draw = async (): Promise<void> => {
    const table = statusTable(await cluster.status());
    if (stopping) return;
    const text = [`dossier-tracker cluster — ${cluster.url} — Ctrl-C stops`, '', table, '', ...events].join('\n');
    if (tty) process.stdout.write(`\x1b[H\x1b[2J${text}\n`);
    else console.log(text);
  };
  const timer = setInterval(() => void draw(), tty ? 2000 : 30_000);
  void draw();
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    console.log(`\n${signal}: stopping the cluster…`);
    await cluster.stop();
    console.log('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
