import { type DossierRecord, computeFiguresBy, dossierRecordFrom } from '@app/domain';
import { appendLog, chronologicalLog } from '@app/read-models/testing';
import { type ReadModelTestKit, createReadModelTestKit } from '@app/read-models/testing';
import { replayFigures } from './replay-figures';
import { replayFiguresInWorker } from './replay-in-worker';
import { splitLog } from './log-split';
import { foldRange, mergeRangeFolds } from './replay-range';

describe('replay in a worker thread', () => {
  let kit: ReadModelTestKit;
  let records: DossierRecord[];
  let half: Date;
  let recordsAtHalf: DossierRecord[];
  let allRecords: DossierRecord[];
  const period = { from: '2020-04-01', to: '2020-05-31' };
  const units = ['tth-pvhcc', 'tth-hcc-hue', 'tth-hcc-phu-vang'];

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    const log = [...chronologicalLog({ seed: 9, dossiers: 3000, from: '2020-03-01', days: 120 })];
    const versions = new Map<string, number>();
    const first = await appendLog(kit.store, log.slice(0, 60), { keep: true, versions });
    await new Promise((resolve) => setTimeout(resolve, 5));
    half = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const rest = await appendLog(kit.store, log.slice(60), { keep: true, versions });
    const histories = new Map(first.histories);
    for (const [stream, events] of rest.histories) histories.set(stream, [...(histories.get(stream) ?? []), ...events]);
    const fold = (all: Map<string, Parameters<typeof dossierRecordFrom>[0]>) =>
      [...all.values()]
        .map((events) => dossierRecordFrom(events))
        .filter((r): r is DossierRecord => r !== null && units.includes(r.receivingUnitId));
    records = fold(histories);
    recordsAtHalf = fold(first.histories);
    allRecords = [...histories.values()]
      .map((events) => dossierRecordFrom(events))
      .filter((r): r is DossierRecord => r !== null);
  });
  afterAll(async () => kit.close());

  it('gives the figures of the in-thread replay and of computeFigures, per unit and per procedure', async () => {
    for (const [by, ranges] of [
      ['unit', 1],
      ['procedure', 1],
      ['unit', 3],
      ['procedure', 2],
    ] as const) {
      // ranges > 1: the log cut into ranges folded by parallel workers (dossiers spanning them), even this small one.
      const inWorker = await replayFiguresInWorker(kit.url, { period, units, by }, { ranges, minTransactions: 0 });
      const inThread = await replayFigures(kit.store, { period, units, by });
      expect(new Map(inWorker.figures)).toEqual(new Map(inThread.figures));
      expect(new Map(inWorker.figures)).toEqual(
        computeFiguresBy(records, period, by === 'unit' ? (r) => r.receivingUnitId : (r) => r.procedureCode),
      );
      expect(inWorker.events).toBeGreaterThan(10_000);
    }
  });

  it('replays as known at an instant', async () => {
    const result = await replayFiguresInWorker(
      kit.url,
      { period, units, by: 'unit', recordedUpTo: half.toISOString() },
      { ranges: 2, minTransactions: 0 },
    );
    expect(new Map(result.figures)).toEqual(computeFiguresBy(recordsAtHalf, period));
  });

  it('splits the log into consecutive ranges that cover it', async () => {
    const ranges = await splitLog(kit.store, 3, { pageSize: 1000, minTransactions: 0 });
    expect(ranges).toHaveLength(3);
    expect(ranges[0]?.fromTransaction).toBeNull();
    expect(ranges[2]?.toTransaction).toBeNull();
    expect(ranges[0]?.toTransaction).toBe(ranges[1]?.fromTransaction);
    const folds = await Promise.all(ranges.map((range) => foldRange(kit.store, range)));
    expect(folds.every((f) => f.events > 0)).toBe(true);
    expect(folds.slice(1).some((f) => f.tails.length > 0)).toBe(true);
    expect(new Map(mergeRangeFolds(folds).map((r) => [r.dossierId, r]))).toEqual(
      new Map(allRecords.map((r) => [r.dossierId, r])),
    );
    expect(await splitLog(kit.store, 3, { pageSize: 1000 })).toHaveLength(1);
  });

  it('reports a failure of the worker', async () => {
    await expect(
      replayFiguresInWorker('postgres://nobody@127.0.0.1:1/none', { period, units, by: 'unit' }),
    ).rejects.toThrow(/replay worker/);
  });
});
