import { isEventStoreError } from '../errors';
import type { SealExport } from '../event-store.port';
import { events } from '../testing/contract/context';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';

/** What README "Seals" tells an auditor to run: the seal recomputed by PostgreSQL alone. */
const SEAL_IN_SQL = `
SELECT encode(sha256(convert_to(
    'dossier-tracker/event-store-seal@1' || E'\\n' || coalesce($1, '') || E'\\n'
    || $2 || ':' || $3 || E'\\n' || $4 || ':' || $5 || E'\\n'
    || coalesce(string_agg(
         transaction_id::text || ':' || global_position || ':' || (extract(epoch FROM recorded_at) * 1000000)::int8 || ':' || hash || E'\\n',
         '' ORDER BY transaction_id, global_position), ''),
    'UTF8')), 'hex') AS seal_hash, count(*) AS event_count
FROM event_store.events
WHERE (transaction_id, global_position) > ($2::xid8, $3::int8) AND (transaction_id, global_position) <= ($4::xid8, $5::int8)`;

describe('seals', () => {
  let h: PgTestStore;
  beforeAll(async () => {
    h = await createPgTestStore();
  });
  afterAll(async () => {
    await h.close();
  });

  const inSql = async (seal: SealExport): Promise<{ seal_hash: string; event_count: string }> =>
    (
      await h.pool.query<{ seal_hash: string; event_count: string }>(SEAL_IN_SQL, [
        seal.prevSealHash,
        seal.after.transactionId,
        seal.after.globalPosition,
        seal.upTo.transactionId,
        seal.upTo.globalPosition,
      ])
    ).rows[0] as { seal_hash: string; event_count: string };

  it('can be recomputed with SQL alone', async () => {
    await h.store.append('s-1', events(4));
    await h.store.append('s-2', events(3));
    const first = await h.store.seal();
    expect(first).toMatchObject({
      sealNumber: 1,
      eventCount: 7,
      prevSealHash: null,
      after: { transactionId: '0', globalPosition: 0 },
    });
    expect(await inSql(first)).toEqual({ seal_hash: first.sealHash, event_count: '7' });
    await h.store.append('s-1', events(2));
    const second = await h.store.seal();
    expect(await inSql(second)).toEqual({ seal_hash: second.sealHash, event_count: '2' });
  });

  it('seals up to a given checkpoint, and an empty range still chains', async () => {
    const written = await h.store.append('s-3', events(5));
    const middle = written.events[2];
    if (!middle) throw new Error('no event');
    const partial = await h.store.seal({
      upTo: { transactionId: middle.transactionId, globalPosition: middle.globalPosition },
    });
    expect(partial.eventCount).toBe(3);
    const rest = await h.store.seal();
    expect(rest.eventCount).toBe(2);
    const empty = await h.store.seal();
    expect(empty).toMatchObject({ eventCount: 0, prevSealHash: rest.sealHash, after: rest.upTo, upTo: rest.upTo });
    for (const s of [partial, rest, empty]) await expect(h.store.verifySeal(s)).resolves.toMatchObject({ ok: true });
  });

  it('refuses to seal past an event a transaction still in flight could precede', async () => {
    const client = await h.pool.connect();
    try {
      await client.query('BEGIN');
      await h.store.appendToStreamsInTransaction(client, [{ streamId: 's-4', events: events(1) }]);
      const later = await h.store.append('s-5', events(1));
      const last = later.events[0];
      if (!last) throw new Error('no event');
      const error = await h.store
        .seal({ upTo: { transactionId: last.transactionId, globalPosition: last.globalPosition } })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isEventStoreError(error, 'SEAL_INVALID')).toBe(true);
      const sealed = await h.store.seal();
      expect(BigInt(sealed.upTo.transactionId)).toBeLessThan(BigInt(last.transactionId));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await expect(h.store.seal()).resolves.toMatchObject({ eventCount: 2 });
  });

  it('tells a tampered seal table from a tampered log', async () => {
    await h.store.append('s-6', events(2));
    const sealed = await h.store.seal();
    const attacker = await h.pool.connect();
    try {
      await attacker.query('SET session_replication_role = replica');
      await attacker.query("UPDATE event_store.seals SET seal_hash = repeat('0', 64) WHERE seal_number = $1", [
        sealed.sealNumber,
      ]);
      await attacker.query('RESET session_replication_role');
    } finally {
      attacker.release();
    }
    await expect(h.store.verifySeal(sealed)).resolves.toMatchObject({
      ok: false,
      problems: [`the seal table's copy of seal #${sealed.sealNumber} differs from the exported one`],
    });
  });
});
