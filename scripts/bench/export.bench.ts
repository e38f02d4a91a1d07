import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { EVENT_STORE_MIGRATIONS, type PostgresEventStore, createEventStore } from '@app/event-store';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { parseArguments } from '../cli/command';
import { appendBenchLog, benchKeep, benchLogLine, sealBenchLog } from './support/bench-log';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, table } from './support/latency';
import { machineLine } from './support/machine';

/**
 * `npm run bench:export [-- --dossiers 1000000] [--seed 1] [--unsealed 50000] [--applicants]`: the bench log of
 * bench:verify (sealed but for its newest events), exported whole as `npm run dossier -- export` writes it
 * (PostgresEventStore.exportLog, to a file), then checked by the offline verifier alone (`node
 * tools/verify-export.mjs FILE`, a child process: one thread, no database). Prints events/s of both. `--out FILE`
 * keeps the export.
 */
const { options } = parseArguments(process.argv.slice(2));
const DOSSIERS = Number(options.dossiers ?? 1_000_000);
const SEED = Number(options.seed ?? 1);
const UNSEALED = Number(options.unsealed ?? 50_000);
const APPLICANTS = options.applicants === true;
/** --out FILE: keep the export there (default: a temporary file, removed). */
const OUT = typeof options.out === 'string' ? path.resolve(options.out) : undefined;
const VERIFIER = path.resolve(__dirname, '..', '..', 'tools', 'verify-export.mjs');

async function main(): Promise<void> {
  const bench = await openBenchDatabase(benchKeep(options, { dossiers: DOSSIERS, seed: SEED, applicants: APPLICANTS }));
  const database = await openDatabase(loadConfig({ DATABASE_URL: bench.url, DATABASE_POOL_SIZE: '8' }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-export-bench-'));
  try {
    await runMigrations(database.pool, EVENT_STORE_MIGRATIONS);
    const store = (await createEventStore({
      kind: 'postgres',
      pool: database.pool,
      migrate: false,
    })) as PostgresEventStore;
    console.log(`Export bench: ${benchLogLine(DOSSIERS, SEED, APPLICANTS)}\n${machineLine()}\n${bench.where}\n`);
    const appended = await appendBenchLog(store, {
      dossiers: DOSSIERS,
      seed: SEED,
      applicants: APPLICANTS,
      pool: database.pool,
    });
    const { sealed } = await sealBenchLog(store, database.pool, appended.events, UNSEALED);
    await database.pool.query('VACUUM ANALYZE event_store.events');

    const file = OUT ?? path.join(dir, 'export.ndjson');
    let started = nowMs();
    const out = fs.createWriteStream(file);
    let events = 0;
    for await (const chunk of store.exportLog({ onProgress: (n) => (events = n) })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const exportSeconds = (nowMs() - started) / 1000;
    const bytes = fs.statSync(file).size;

    started = nowMs();
    const verdict = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [VERIFIER, file], { cwd: dir, maxBuffer: 2 ** 24 }, (error, stdout) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });
    const verifySeconds = (nowMs() - started) / 1000;
    console.log(
      `\n${table(
        ['measure', 'value'],
        [
          ['events exported / sealed', `${fmt(events)} / ${fmt(sealed)}`],
          ['export file', `${fmt(bytes / 2 ** 20)} MiB`],
          [
            'export (npm run dossier -- export): s / events/s',
            `${fmt(exportSeconds, 1)} / ${fmt(events / exportSeconds)}`,
          ],
          [
            'offline verifier (node tools/verify-export.mjs): s / events/s',
            `${fmt(verifySeconds, 1)} / ${fmt(events / verifySeconds)}`,
          ],
          ['offline verifier: verdict', verdict.stdout.split('\n')[0]?.slice(0, 60) ?? ''],
        ],
      )}`,
    );
    await store.close();
    if (verdict.code !== 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
