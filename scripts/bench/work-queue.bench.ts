import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addDays,
  defaultWorkingCalendar,
  hue2020ProcedureCatalogue,
  hue2020UnitRegistry,
  localDateOf,
} from '@app/domain';
import { APPLICANT_MIGRATIONS, ApplicantVault, BlindIndex, FileMasterKeys } from '@app/applicants';
import { EVENT_STORE_MIGRATIONS, createEventStore } from '@app/event-store';
import { loadConfig, openDatabase, runMigrations } from '@app/platform';
import { READ_MODEL_MIGRATIONS } from '@app/read-models';
import {
  type WorkQueueAnswer,
  type WorkQueueQuery,
  WorkQueueService,
  encodeCursor,
  parseWorkQueueRequest,
} from '@app/reporting';
import { parseArguments } from '../cli/command';
import { openBenchDatabase } from './support/bench-postgres';
import { fmt, nowMs, percentile, table } from './support/latency';
import { machineLine } from './support/machine';
import { benchCccd, insertQueueApplicants } from './support/queue-applicants';
import { CLERKS_PER_UNIT, QUEUE_PROCEDURES, QUEUE_UNITS, insertQueueRows } from './support/queue-rows';

/**
 * `npm run bench:queue [-- --dossiers 1000000] [--runs 200]`: the unit's work queue (GET /api/v1/work-queue's query
 * service: every tab's count, one page of 50, working days left, the applicants' names) on a read model of 1,000,000
 * dossier rows inserted straight into the table (not through the event log), over 11 units, with the applicants'
 * index beside it. Each case runs `runs` times over the units in turn after 20 unmeasured runs.
 * Target (issue 16): p95 ≤ 50 ms.
 */
const { options } = parseArguments(process.argv.slice(2));
const DOSSIERS = Number(options.dossiers ?? 1_000_000);
const RUNS = Number(options.runs ?? 200);

async function main(): Promise<void> {
  const bench = await openBenchDatabase();
  const database = await openDatabase(loadConfig({ DATABASE_URL: bench.url, DATABASE_POOL_SIZE: '12' }));
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-bench-keys-'));
  try {
    await runMigrations(database.pool, [...EVENT_STORE_MIGRATIONS, ...APPLICANT_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
    const store = await createEventStore({ kind: 'postgres', pool: database.pool, migrate: false });
    const blind = BlindIndex.fromDir(keysDir);
    const vault = new ApplicantVault(database.pool, store, new FileMasterKeys(keysDir), blind);
    const now = new Date();
    const today = localDateOf(now);
    console.log(`Work-queue bench: ${fmt(DOSSIERS)} dossier rows, today ${today}\n${machineLine()}\n${bench.where}\n`);

    let started = nowMs();
    await insertQueueRows(database.pool, DOSSIERS, today);
    await insertQueueApplicants(database.pool, blind, DOSSIERS);
    console.log(
      `inserted ${fmt(DOSSIERS)} rows into the read model's dossier table DIRECTLY (SQL, not through the event log), ` +
        `and the applicants' index, in ${fmt((nowMs() - started) / 1000, 1)} s (not a target)\n`,
    );

    const calendar = defaultWorkingCalendar();
    const service = new WorkQueueService({
      db: database.pool,
      reference: async () => ({ units: hue2020UnitRegistry(), procedures: hue2020ProcedureCatalogue(), calendar }),
      applicants: vault,
      now: () => now,
    });
    const unit = (i: number) => QUEUE_UNITS[i % QUEUE_UNITS.length]!;
    const ask = (query: WorkQueueQuery) => service.queue(parseWorkQueueRequest(query), '*');

    // a cursor 50 rows into each unit's in-progress tab, for the second page
    const cursors = new Map<string, string>();
    for (const u of QUEUE_UNITS) {
      const first = await ask({ unitId: u.id });
      const last = first.items[first.items.length - 1];
      if (last) cursors.set(u.id, encodeCursor({ dueDate: last.dueDate, code: last.code }));
    }
    const cases: [string, (i: number) => WorkQueueQuery][] = [
      ...(
        [
          'in_progress',
          'due_today',
          'due_soon',
          'overdue',
          'awaiting_supplement',
          'awaiting_financial_obligation',
          'ready_to_return',
        ] as const
      ).map((tab): [string, (i: number) => WorkQueueQuery] => [`tab ${tab}`, (i) => ({ unitId: unit(i).id, tab })]),
      [
        'in_progress, procedureCode',
        (i) => ({ unitId: unit(i).id, procedureCode: QUEUE_PROCEDURES[i % QUEUE_PROCEDURES.length] }),
      ],
      ['in_progress, channel', (i) => ({ unitId: unit(i).id, channel: 'online' })],
      [
        'in_progress, receivedBy',
        (i) => ({ unitId: unit(i).id, receivedBy: `clerk-${i % QUEUE_UNITS.length}-${i % CLERKS_PER_UNIT}` }),
      ],
      [
        'overdue, received in 30 days',
        (i) => ({
          unitId: unit(i).id,
          tab: 'overdue',
          receivedFrom: addDays(today, -40),
          receivedTo: addDays(today, -10),
        }),
      ],
      [
        'due_soon, procedure + channel',
        (i) => ({ unitId: unit(i).id, tab: 'due_soon', procedureCode: 'T-DKDN-01', channel: 'counter' }),
      ],
      ['in_progress, second page (cursor)', (i) => ({ unitId: unit(i).id, after: cursors.get(unit(i).id) })],
      ['in_progress, limit 200', (i) => ({ unitId: unit(i).id, limit: '200' })],
      [
        'q = code prefix (unit + day)',
        (i) => ({
          unitId: unit(i).id,
          q: `${unit(i).code}-${addDays(today, -(i % 30))
            .replaceAll('-', '')
            .slice(2)}`,
        }),
      ],
      ['q = CCCD (blind index)', (i) => ({ unitId: unit(i).id, q: benchCccd((i % 1000) + 1) })],
    ];

    const rows: string[][] = [];
    let worst = 0;
    for (const [label, query] of cases) {
      for (let i = 0; i < 20; i++) await ask(query(i));
      const samples: number[] = [];
      let items = 0;
      let counted = 0;
      for (let i = 0; i < RUNS; i++) {
        started = nowMs();
        const answer: WorkQueueAnswer = await ask(query(i));
        samples.push(nowMs() - started);
        items += answer.items.length;
        counted += answer.counts[answer.tab];
      }
      samples.sort((a, b) => a - b);
      const p95 = percentile(samples, 95);
      worst = Math.max(worst, p95);
      rows.push([
        label,
        fmt(percentile(samples, 50), 1),
        fmt(p95, 1),
        fmt(percentile(samples, 99), 1),
        fmt(items / RUNS, 1),
        fmt(counted / RUNS, 0),
      ]);
    }
    console.log(
      table(['case (11 units in turn)', 'p50 ms', 'p95 ms', 'p99 ms', 'items/answer', 'tab count (avg)'], rows),
    );
    console.log(
      `\nrows in the dossier table: ${fmt(DOSSIERS)}; worst p95 ${fmt(worst, 1)} ms (target p95 ≤ 50 ms: ${worst <= 50 ? 'met' : 'NOT MET'})`,
    );
    await store.close();
  } finally {
    await database.close();
    await bench.close();
    fs.rmSync(keysDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
