import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';
import { ConcurrentModificationError, IdempotencyKeyReusedError, VersionMismatchError } from './command-errors';
import { type DecidedEvent, type StreamFold, handleCommand } from './handle-command';

/** A counter: each command adds to it; its events say how much. */
const COUNTER: StreamFold<number> = { initialState: 0, evolve: (total, event) => total + Number(event.data.amount) };
const add = (amount: number) => (): DecidedEvent[] => [
  { type: 'Added', schemaVersion: 1, data: { occurredAt: '2020-09-01T00:00:00Z', amount } },
];
const meta = () => ({ actor: 'spec' });

describe('handleCommand (PostgreSQL event store)', () => {
  let pg: PgTestStore;
  beforeAll(async () => {
    pg = await createPgTestStore();
  });
  afterAll(() => pg.close());

  it('loads, decides on the folded state, appends with the loaded version; a new stream is appended without reading', async () => {
    const first = await handleCommand(pg.store, 'counter-1', COUNTER, add(2), { newStream: true, metadata: meta });
    expect(first).toMatchObject({ state: 2, version: 1, replayed: false });
    const seen: number[] = [];
    const second = await handleCommand(pg.store, 'counter-1', COUNTER, (state) => (seen.push(state), add(3)()), {
      metadata: (state) => ({ actor: `at ${state}` }),
    });
    expect(second).toMatchObject({ state: 5, version: 2, replayed: false });
    expect(seen).toEqual([2]);
    expect(second.events.at(-1)?.metadata).toMatchObject({ actor: 'at 2' });
  });

  it('decides again on a concurrent change, and gives up after its attempts', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handleCommand(pg.store, 'counter-2', COUNTER, add(1), { metadata: meta, maxAttempts: 50 }),
      ),
    );
    expect(await pg.store.streamVersion('counter-2')).toBe(20);
    // another writer appends right after every load: each attempt conflicts, and is decided again
    const busy = Object.create(pg.store, {
      readStream: {
        value: async (streamId: string) => {
          const events = await pg.store.readStream(streamId);
          await pg.store.append(
            streamId,
            add(1)().map((e) => ({ ...e, metadata: {} })),
          );
          return events;
        },
      },
    }) as typeof pg.store;
    let decided = 0;
    await expect(
      handleCommand(busy, 'counter-2', COUNTER, (state) => (decided++, add(state)()), {
        metadata: meta,
        maxAttempts: 3,
      }),
    ).rejects.toBeInstanceOf(ConcurrentModificationError);
    expect(decided).toBe(3);
    expect(await pg.store.streamVersion('counter-2')).toBe(23);
  });

  it('If-Match: a version other than the loaded one is a VersionMismatchError and appends nothing', async () => {
    await handleCommand(pg.store, 'counter-3', COUNTER, add(1), { metadata: meta });
    const error = await handleCommand(pg.store, 'counter-3', COUNTER, add(1), { metadata: meta, ifMatch: 7 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VersionMismatchError);
    expect((error as VersionMismatchError).details).toEqual({ expectedVersion: 7, actualVersion: 1 });
    expect(await pg.store.streamVersion('counter-3')).toBe(1);
  });

  it('a repeated key answers the first outcome, authorised first, and refuses another request under the same key', async () => {
    const options = { metadata: meta, idempotencyKey: 'k-1', requestFingerprint: 'f-1' };
    const first = await handleCommand(pg.store, 'counter-4', COUNTER, add(4), { ...options, newStream: true });
    await handleCommand(pg.store, 'counter-4', COUNTER, add(10), { metadata: meta });
    const repeat = await handleCommand(pg.store, 'counter-4', COUNTER, add(4), { ...options, newStream: true });
    expect(repeat).toMatchObject({ state: 4, version: 1, replayed: true });
    expect(repeat.events).toEqual(first.events);
    const later = await handleCommand(pg.store, 'counter-4', COUNTER, add(5), { ...options, idempotencyKey: 'k-2' });
    const laterRepeat = await handleCommand(pg.store, 'counter-4', COUNTER, add(5), {
      ...options,
      idempotencyKey: 'k-2',
    });
    expect(laterRepeat).toMatchObject({ state: later.state, version: later.version, replayed: true });
    await expect(
      handleCommand(pg.store, 'counter-4', COUNTER, add(4), { ...options, requestFingerprint: 'f-other' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    const refusal = new Error('not yours');
    await expect(
      handleCommand(pg.store, 'counter-4', COUNTER, add(4), {
        ...options,
        newStream: true,
        authorize: () => {
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(await pg.store.streamVersion('counter-4')).toBe(3);
  });
});
