import { type DossierRecord, dossierRecordFrom } from '@app/domain';
import { appendLog, chronologicalLog } from '@app/read-models/testing/chronological-log';
import { type ReadModelTestKit, createReadModelTestKit } from '@app/read-models/testing/read-model-test-kit';
import { replayRecordsInParallel } from './parallel-replay';
import { replayRecords } from './replay-records';

const byId = (records: readonly DossierRecord[]) => new Map(records.map((r) => [r.dossierId, r]));

describe('parallel replay', () => {
  let kit: ReadModelTestKit;
  let expected: DossierRecord[];
  let half: Date;
  let expectedAtHalf: DossierRecord[];

  beforeAll(async () => {
    kit = await createReadModelTestKit();
    const log = [...chronologicalLog({ seed: 9, dossiers: 3000, from: '2020-03-01', days: 120 })];
    const versions = new Map<string, number>();
    const first = await appendLog(kit.store, log.slice(0, 60), { perAppend: 40, keep: true, versions });
    await new Promise((resolve) => setTimeout(resolve, 5));
    half = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expectedAtHalf = [...first.histories.values()].map((events) => dossierRecordFrom(events)).filter((r): r is DossierRecord => r !== null);
    const rest = await appendLog(kit.store, log.slice(60), { perAppend: 40, keep: true, versions });
    const histories = new Map(first.histories);
    for (const [stream, events] of rest.histories) histories.set(stream, [...(histories.get(stream) ?? []), ...events]);
    expected = [...histories.values()].map((events) => dossierRecordFrom(events)).filter((r): r is DossierRecord => r !== null);
  });
  afterAll(async () => kit.close());

  it('gives the records of the one-thread replay and of dossierRecordFrom, with dossiers spanning the ranges', async () => {
    const sequential = await replayRecords(kit.store);
    const parallel = await replayRecordsInParallel(kit.store, { url: kit.url, workers: 3, minTransactions: 0, pageSize: 500 });
    expect(parallel.events).toBe(sequential.events);
    expect(byId(parallel.records)).toEqual(byId(sequential.records));
    expect(byId(parallel.records)).toEqual(byId(expected));
  });

  it('replays "as known at" an instant', async () => {
    const parallel = await replayRecordsInParallel(kit.store, { url: kit.url, workers: 2, minTransactions: 0, recordedUpTo: half });
    expect(byId(parallel.records)).toEqual(byId(expectedAtHalf));
  });

  it('falls back to one thread for a small log', async () => {
    const result = await replayRecordsInParallel(kit.store, { url: kit.url, workers: 2 });
    expect(byId(result.records)).toEqual(byId(expected));
  });
});
