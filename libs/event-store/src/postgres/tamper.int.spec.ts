import type { Client } from 'pg';
import { connectAttacker, rewriteStreamWithValidHashes } from '../testing/attacker';
import { events } from '../testing/contract/context';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';

/**
 * An attacker with superuser rights bypasses the append-only trigger (session_replication_role = replica) and
 * edits rows; verify() must name each broken stream and position. The application's connection is refused.
 */
describe('append-only log and tamper evidence', () => {
  let h: PgTestStore;
  let attacker: Client;

  beforeAll(async () => {
    h = await createPgTestStore();
    attacker = await connectAttacker(h.url);
  });
  afterAll(async () => {
    await attacker.end();
    await h.close();
  });

  const tamper = (sql: string, values: unknown[] = []): Promise<unknown> => attacker.query(sql, values);

  it('refuses UPDATE, DELETE and TRUNCATE of events on the normal connection', async () => {
    await h.store.append('normal-1', events(2));
    for (const sql of [
      "UPDATE event_store.events SET data = '{}'::jsonb WHERE stream_id = 'normal-1'",
      "DELETE FROM event_store.events WHERE stream_id = 'normal-1'",
      'TRUNCATE event_store.events',
      "UPDATE event_store.events SET data = '{}'::jsonb WHERE false",
    ]) {
      const error = await h.pool.query(sql).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        code: '42501',
        message: expect.stringMatching(/event_store\.events is append-only: (UPDATE|DELETE|TRUNCATE) refused/),
      });
    }
    await expect(h.pool.query('DELETE FROM event_store.seals')).rejects.toMatchObject({ code: '42501' });
    expect(await h.store.readStream('normal-1')).toHaveLength(2);
    expect((await h.store.verify()).ok).toBe(true);
  });

  it('finds an updated payload, a deleted event, swapped payloads, swapped positions and a rewritten hash', async () => {
    for (const id of ['upd', 'del', 'swap', 'order', 'rehash', 'tail', 'clean']) await h.store.append(id, events(6));

    await tamper(
      `UPDATE event_store.events SET data = jsonb_set(data, '{n}', '99') WHERE stream_id = 'upd' AND stream_position = 3`,
    );
    await tamper(`DELETE FROM event_store.events WHERE stream_id = 'del' AND stream_position = 4`);
    await tamper(`UPDATE event_store.events AS e SET data = o.data FROM event_store.events AS o
                  WHERE e.stream_id = 'swap' AND o.stream_id = 'swap'
                    AND ((e.stream_position = 2 AND o.stream_position = 5) OR (e.stream_position = 5 AND o.stream_position = 2))`);
    for (const [from, to] of [
      [2, 1000],
      [3, 2],
      [1000, 3],
    ]) {
      await tamper(
        `UPDATE event_store.events SET stream_position = $2 WHERE stream_id = 'order' AND stream_position = $1`,
        [from, to],
      );
    }
    await tamper(
      `UPDATE event_store.events SET hash = repeat('0', 64) WHERE stream_id = 'rehash' AND stream_position = 5`,
    );
    await tamper(`DELETE FROM event_store.events WHERE stream_id = 'tail' AND stream_position = 6`);

    const report = await h.store.verify();
    expect(report.ok).toBe(false);
    expect(report.streamsChecked).toBeGreaterThanOrEqual(8);
    const found = report.problems.map((p) => [p.streamId, p.streamPosition, p.kind]);
    expect(found).toEqual([
      ['del', 4, 'missing'],
      ['order', 2, 'reordered'],
      ['rehash', 5, 'altered'],
      ['swap', 2, 'altered'],
      ['tail', 6, 'missing'],
      ['upd', 3, 'altered'],
    ]);
    for (const problem of report.problems) expect(problem.detail.length).toBeGreaterThan(10);
    await expect(h.store.verify({ streamId: 'upd' })).resolves.toMatchObject({
      ok: false,
      problems: [{ streamId: 'upd', streamPosition: 3, kind: 'altered' }],
    });
    await expect(h.store.verify({ streamId: 'clean' })).resolves.toMatchObject({ ok: true, eventsChecked: 6 });
  });

  it('finds a forged link (prev_hash rewritten) as a hash mismatch', async () => {
    await h.store.append('forged-link', events(4));
    await tamper(
      `UPDATE event_store.events SET prev_hash = repeat('a', 64) WHERE stream_id = 'forged-link' AND stream_position = 3`,
    );
    await expect(h.store.verify({ streamId: 'forged-link' })).resolves.toMatchObject({
      ok: false,
      problems: [{ streamId: 'forged-link', streamPosition: 3, kind: 'hash_mismatch' }],
    });
  });

  it('a rewrite that recomputes the whole chain passes verify() but breaks the seal taken before', async () => {
    await h.store.append('rewritten', events(3));
    const sealed = await h.store.seal();
    await rewriteStreamWithValidHashes(attacker, 'rewritten', 2, (data) => ({ ...data, n: 1000 }));
    await expect(h.store.verify({ streamId: 'rewritten' })).resolves.toMatchObject({ ok: true });
    const verdict = await h.store.verifySeal(sealed);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toContain('the events of the range no longer give the sealed hash');
  });
});
