import type { Client } from 'pg';
import type { IntegrityProblem, LogVerification } from '../../event-store.port';
import { chainLink, contentDigest } from '../../hash/event-hash';
import { connectAttacker, rewriteStreamWithValidHashes } from '../../testing/attacker';
import { events } from '../../testing/contract/context';
import { createPgTestStore, type PgTestStore } from '../../testing/pg-test-store';
import { saveCheckpoint } from '../checkpoints';

/**
 * Issue 12, acceptance 5: one test per kind of tampering a superuser can do past the append-only triggers. Each log
 * is verified intact first, then changed, then verifyLog must fail and name what was changed. The log of each test:
 * streams a, b, c, k (k appended with an idempotency key), a seal over them, then more events of a and a new stream
 * t after the seal (the unsealed tail).
 */
describe('verifyLog: every kind of tampering is caught and named', () => {
  let h: PgTestStore;
  let attacker: Client;

  beforeEach(async () => {
    h = await createPgTestStore();
    attacker = await connectAttacker(h.url);
    for (const id of ['a', 'b', 'c']) await h.store.append(id, events(5));
    await h.store.append('k', events(3), { idempotencyKey: 'key-k' });
    await h.store.seal();
    await h.store.append('a', events(2), { expectedVersion: 5 });
    await h.store.append('t', events(4), { idempotencyKey: 'key-t' });
    const intact = await h.store.verifyLog();
    expect(intact).toMatchObject({
      ok: true,
      eventsChecked: 24,
      streamsChecked: 5,
      sealsChecked: 1,
      unsealedEvents: 6,
      problems: [],
    });
  });
  afterEach(async () => {
    await attacker.end();
    await h.close();
  });

  const tamper = (sql: string, values: unknown[] = []): Promise<unknown> => attacker.query(sql, values);
  const broken = async (): Promise<LogVerification> => {
    const report = await h.store.verifyLog();
    expect(report.ok).toBe(false);
    // The same verdict from the parallel scan (two worker threads over ranges cut at seal boundaries).
    const parallel = await h.store.verifyLog({ workers: 2 });
    expect(parallel.problems).toEqual(report.problems);
    return report;
  };
  const first = (report: LogVerification): IntegrityProblem => report.problems[0] as IntegrityProblem;

  it("UPDATE of an event's data", async () => {
    await tamper(
      `UPDATE event_store.events SET data = jsonb_set(data, '{n}', '99') WHERE stream_id = 't' AND stream_position = 2`,
    );
    expect(first(await broken())).toMatchObject({ kind: 'altered', streamId: 't', streamPosition: 2 });
  });

  it("UPDATE of an event's metadata", async () => {
    await tamper(
      `UPDATE event_store.events SET metadata = jsonb_set(metadata, '{actor}', '"someone-else"') WHERE stream_id = 'b' AND stream_position = 4`,
    );
    expect(first(await broken())).toMatchObject({ kind: 'altered', streamId: 'b', streamPosition: 4 });
  });

  it('UPDATE of an event\'s recorded_at (backdated: changes "as known at" reports)', async () => {
    await tamper(
      `UPDATE event_store.events SET recorded_at = recorded_at - interval '30 days' WHERE stream_id = 'c' AND stream_position = 3`,
    );
    const report = await broken();
    expect(report.problems).toHaveLength(1);
    expect(first(report)).toMatchObject({ kind: 'seal_broken', sealNumber: 1, streamId: 'c', streamPosition: 3 });
    expect(first(report).detail).toMatch(/recorded_at was likely moved back/);
  });

  it('DELETE of one event', async () => {
    await tamper(`DELETE FROM event_store.events WHERE stream_id = 'a' AND stream_position = 6`);
    expect(first(await broken())).toMatchObject({ kind: 'missing', streamId: 'a', streamPosition: 6 });
  });

  it('DELETE of a whole stream (its events and its head), sealed', async () => {
    await tamper(`DELETE FROM event_store.events WHERE stream_id = 'b'`);
    await tamper(`DELETE FROM event_store.streams WHERE stream_id = 'b'`);
    const report = await broken();
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'seal_broken',
        sealNumber: 1,
        detail: expect.stringMatching(/5 event\(s\) were deleted/),
      }),
    ]);
  });

  it('DELETE of a whole stream after the last seal, witnessed by its idempotency key', async () => {
    await tamper(`DELETE FROM event_store.events WHERE stream_id = 't'`);
    await tamper(`DELETE FROM event_store.streams WHERE stream_id = 't'`);
    const report = await broken();
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'witness',
        streamId: 't',
        detail: expect.stringMatching(/the stream was deleted/),
      }),
    ]);
  });

  it("DELETE of a stream's tail with its head adjusted, sealed", async () => {
    await tamper(`DELETE FROM event_store.events WHERE stream_id = 'c' AND stream_position >= 4`);
    await tamper(
      `UPDATE event_store.streams SET version = 3, last_hash = (SELECT hash FROM event_store.events WHERE stream_id = 'c' AND stream_position = 3) WHERE stream_id = 'c'`,
    );
    expect(first(await broken())).toMatchObject({
      kind: 'seal_broken',
      sealNumber: 1,
      detail: expect.stringMatching(/2 event\(s\) were deleted/),
    });
  });

  it("DELETE of a stream's tail with its head adjusted after the last seal, witnessed by its idempotency key", async () => {
    await tamper(`DELETE FROM event_store.events WHERE stream_id = 't' AND stream_position = 4`);
    await tamper(
      `UPDATE event_store.streams SET version = 3, last_hash = (SELECT hash FROM event_store.events WHERE stream_id = 't' AND stream_position = 3) WHERE stream_id = 't'`,
    );
    expect(first(await broken())).toMatchObject({
      kind: 'witness',
      streamId: 't',
      streamPosition: 4,
      detail: expect.stringMatching(/its last events were removed/),
    });
  });

  it("a swap of two events' data", async () => {
    await tamper(`UPDATE event_store.events AS e SET data = o.data FROM event_store.events AS o
                  WHERE e.stream_id = 'a' AND o.stream_id = 'a'
                    AND ((e.stream_position = 2 AND o.stream_position = 6) OR (e.stream_position = 6 AND o.stream_position = 2))`);
    expect(first(await broken())).toMatchObject({ kind: 'altered', streamId: 'a', streamPosition: 2 });
  });

  it('an INSERT of a forged event, with a correct hash, after the end of a stream', async () => {
    const { rows } = await attacker.query<{ hash: string }>(
      `SELECT hash FROM event_store.events WHERE stream_id = 'b' AND stream_position = 5`,
    );
    const forged = events(1)[0] as { type: string; schemaVersion: number; data: object; metadata: object };
    const hash = chainLink(rows[0]?.hash ?? null, 6, contentDigest({ streamId: 'b', ...forged }));
    await tamper(
      `INSERT INTO event_store.events (stream_id, stream_position, type, schema_version, data, metadata, hash, prev_hash)
                  VALUES ('b', 6, $1, 1, $2, $3, $4, $5)`,
      [forged.type, forged.data, forged.metadata, hash, rows[0]?.hash],
    );
    expect(first(await broken())).toMatchObject({
      kind: 'hash_mismatch',
      streamId: 'b',
      streamPosition: 6,
      detail: expect.stringMatching(/events go on after/),
    });
  });

  it('an INSERT of a forged event into the sealed part of the log (a new stream, its head too)', async () => {
    const forged = events(1)[0] as { type: string; schemaVersion: number; data: object; metadata: object };
    const hash = chainLink(null, 1, contentDigest({ streamId: 'forged', ...forged }));
    await tamper(
      `INSERT INTO event_store.events (global_position, transaction_id, stream_id, stream_position, type, schema_version, data, metadata, hash, prev_hash)
                  OVERRIDING SYSTEM VALUE
                  SELECT 1000000 + global_position, transaction_id, 'forged', 1, $1, 1, $2, $3, $4, NULL FROM event_store.events WHERE stream_id = 'a' AND stream_position = 1`,
      [forged.type, forged.data, forged.metadata, hash],
    );
    await tamper(`INSERT INTO event_store.streams (stream_id, version, last_hash) VALUES ('forged', 1, $1)`, [hash]);
    const report = await broken();
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'seal_broken',
        sealNumber: 1,
        detail: expect.stringMatching(/1 event\(s\) were inserted/),
      }),
      expect.objectContaining({
        kind: 'witness',
        detail: expect.stringMatching(/beyond the last one the log ever handed out/),
      }),
    ]);
  });

  it('a TRUNCATE of the newest events (everything after the last seal)', async () => {
    const end = await h.store.readAll({ limit: 100 });
    await saveCheckpoint(h.pool, 'projector', end.checkpoint);
    await tamper(
      `DELETE FROM event_store.events WHERE (transaction_id, global_position) > (SELECT up_to_transaction_id, up_to_global_position FROM event_store.seals WHERE seal_number = 1)`,
    );
    const report = await broken();
    expect(report.problems.map((p) => [p.kind, p.streamId, p.streamPosition])).toEqual([
      ['missing', 'a', 6],
      ['missing', 't', 1],
      ['witness', undefined, undefined],
    ]);
    expect(report.problems[2]?.detail).toMatch(
      /the consumer "projector" has read up to .*: the newest events were removed/,
    );
  });

  it('a TRUNCATE of the whole log', async () => {
    await tamper('TRUNCATE event_store.events');
    const report = await broken();
    expect(report.problems.filter((p) => p.kind === 'seal_broken')).toEqual([
      expect.objectContaining({ sealNumber: 1, detail: expect.stringMatching(/18 event\(s\) were deleted/) }),
    ]);
  });

  it('a rewrite of a sealed stream with every later hash recomputed (and its head)', async () => {
    await rewriteStreamWithValidHashes(attacker, 'k', 2, (data) => ({ ...data, n: 1000 }));
    expect(first(await broken())).toMatchObject({
      kind: 'seal_broken',
      sealNumber: 1,
      detail: expect.stringMatching(/the same number of events, but not as sealed/),
    });
  });

  it('an altered or removed seal breaks the chain of seals', async () => {
    await h.store.seal();
    await h.store.append('a', events(1), { expectedVersion: 7 });
    await h.store.seal();
    await tamper("UPDATE event_store.seals SET seal_hash = repeat('0', 64) WHERE seal_number = 2");
    expect((await broken()).problems.map((p) => [p.kind, p.sealNumber])).toEqual([
      ['seal_chain', 3],
      ['seal_broken', 2],
    ]);
    await tamper('DELETE FROM event_store.seals WHERE seal_number = 2');
    expect(first(await broken())).toMatchObject({
      kind: 'seal_chain',
      sealNumber: 3,
      detail: expect.stringMatching(/seal #2 is missing/),
    });
  });
});
