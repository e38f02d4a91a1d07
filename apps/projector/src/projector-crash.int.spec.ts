import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type DossierEvent, type DossierRecord, computeFigures, dossierRecordFrom } from '@app/domain';
import { activeGeneration, readModelFigures, rebuildReadModels } from '@app/read-models';
import { appendLog, chronologicalLog } from '@app/read-models/testing';
import { type ReadModelTestKit, createReadModelTestKit } from '@app/read-models/testing';
import { readModelSnapshot } from '@app/read-models/testing';
import { Random } from '@app/domain/testing';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../../..');
const EVENTS = 100_000;
const KILLS = 5;

/**
 * Acceptance 2: the projector, as a child process, is SIGKILLed at random points of a 100,000-event catch-up, five
 * times; restarted, it finishes, and its read models equal those of a clean rebuild — nothing lost, nothing twice.
 */
describe('projector killed during catch-up', () => {
  let kit: ReadModelTestKit;
  let histories: Map<string, DossierEvent[]>;
  let total: number;
  const output: string[] = [];

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    // A log as a one-stop system writes it: the dossiers' events interleaved in time, each dossier in many batches.
    const appended = await appendLog(
      kit.store,
      chronologicalLog({ seed: 2020, dossiers: 40_000, from: '2020-01-01', days: 120 }),
      { maxEvents: EVENTS, keep: true },
    );
    histories = appended.histories;
    total = appended.events;
    expect(total).toBe(EVENTS);
  });
  afterAll(async () => kit?.close());

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run.cjs'), 'apps/projector/src/worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: kit.url, DATABASE_POOL_SIZE: '4', PROJECTOR_BATCH_SIZE: '500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return child;
  }

  const exited = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
      : new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const projected = async (): Promise<number> => (await activeGeneration(kit.database.pool)).eventsProjected;

  async function until(condition: () => Promise<boolean>, child: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}):\n${output.join('')}`);
      if (Date.now() > deadline) throw new Error(`timed out:\n${output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('equals a clean rebuild after five SIGKILLs', async () => {
    const seed = Date.now() % 1_000_000;
    const random = new Random(seed);
    const thresholds = Array.from({ length: KILLS }, () => Math.floor(total * (0.05 + 0.85 * random.next()))).sort(
      (a, b) => a - b,
    );
    const killedAt: number[] = [];
    for (const threshold of thresholds) {
      const worker = startWorker();
      const before = await projected();
      // At the threshold, and only once this run has committed something: each kill interrupts a catch-up under way.
      await until(
        async () => {
          const now = await projected();
          return now >= threshold && now > before;
        },
        worker,
        60_000,
      );
      await new Promise((resolve) => setTimeout(resolve, random.int(0, 40)));
      worker.kill('SIGKILL');
      expect(await exited(worker)).toEqual({ code: null, signal: 'SIGKILL' });
      killedAt.push(await projected());
    }
    process.stdout.write(`crash test (seed ${seed}): killed at ${killedAt.join(', ')} of ${total} events\n`);
    expect(killedAt.every((n) => n > 0 && n < total)).toBe(true);
    expect(new Set(killedAt).size).toBe(KILLS);

    const last = startWorker();
    await until(async () => (await projected()) >= total, last, 120_000);
    last.kill('SIGTERM');
    expect(await exited(last)).toEqual({ code: 0, signal: null });
    expect(await projected()).toBe(total);

    const afterCrashes = await readModelSnapshot(kit.database.pool);
    const period = { from: '2020-02-01', to: '2020-03-31' };
    const crashedFigures = await readModelFigures(kit.dataSource, { period, units: ['tth-pvhcc', 'tth-hcc-hue'] });

    const rebuild = await rebuildReadModels({ pool: kit.database.pool, store: kit.store, batchSize: 20_000 });
    expect(rebuild).toMatchObject({ switched: true, events: total });
    const clean = await readModelSnapshot(kit.database.pool);
    expect(afterCrashes.dossiers.length).toBe(clean.dossiers.length);
    expect(afterCrashes).toEqual(clean);

    const records = [...histories.values()]
      .map((events) => dossierRecordFrom(events))
      .filter((r): r is DossierRecord => r !== null);
    expect(crashedFigures.get('tth-pvhcc')).toEqual(
      computeFigures(
        records.filter((r) => r.receivingUnitId === 'tth-pvhcc'),
        period,
      ),
    );
  });
});
