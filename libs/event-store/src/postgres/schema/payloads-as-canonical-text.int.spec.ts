import { Pool } from 'pg';
import { runMigrations } from '@app/platform/pg';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { InvalidEventError } from '../../errors';
import type { NewEvent } from '../../event-store.port';
import { canonicalJson } from '../../hash/canonical-json';
import { connectAttacker } from '../../testing/attacker';
import { prepareRequest } from '../append-batch';
import { EVENT_STORE_MIGRATIONS } from '../migrations';
import { PostgresEventStore } from '../postgres-event-store';

const BEFORE_004 = EVENT_STORE_MIGRATIONS.filter((m) => m.id < 'event-store/004');

const event = (n: number, extra: Record<string, unknown> = {}): NewEvent => ({
  type: 'Noted',
  schemaVersion: 1,
  // Keys out of canonical order, an integer-like key, an escape, Vietnamese text, a decimal: both paths of jsonb text.
  data: { occurredAt: '2020-01-02T00:31:00.000Z', n, '10': 'x', note: `dòng ${n}\n"trích"`, fee: 12.5, ...extra },
  metadata: { unit: 'tth-hcc-hue', actor: 'lan' },
});

/** Appends as the log did before event-store/004: 003's append_batch with jsonb[] payloads. */
async function appendAsJsonb(pool: Pool, streamId: string, events: NewEvent[]): Promise<void> {
  const request = prepareRequest([{ streamId, events }]);
  const prepared = request.appends[0]?.events ?? [];
  await pool.query(
    `SELECT * FROM event_store.append_batch($1::text[], $2::int[], $3::text[], $4::int8[], $5::int[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::text[])`,
    [
      [null],
      [1],
      [streamId],
      [-1],
      prepared.map(() => 1),
      prepared.map((e) => e.type),
      prepared.map((e) => e.schemaVersion),
      prepared.map((e) => e.dataText),
      prepared.map((e) => e.metadataText),
      prepared.map((e) => e.digest),
    ],
  );
}

describe('event-store/004: payloads stored as the canonical text their hash was computed over', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 4 });
    pool.on('error', () => undefined);
    await runMigrations(pool, BEFORE_004);
    await appendAsJsonb(pool, 'old', [event(1), event(2), event(3)]);
    await runMigrations(pool, EVENT_STORE_MIGRATIONS);
    store = new PostgresEventStore({ pool, pollIntervalMs: 200 });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  const texts = async (streamId: string): Promise<{ data: string; metadata: string }[]> =>
    (
      await pool.query<{ data: string; metadata: string }>(
        'SELECT data::text AS data, metadata::text AS metadata FROM event_store.events WHERE stream_id = $1 ORDER BY stream_position',
        [streamId],
      )
    ).rows;

  it('keeps the rows written before as jsonb printed them, and they still verify', async () => {
    const { rows } = await pool.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'event_store' AND table_name = 'events' AND column_name IN ('data', 'metadata') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { column_name: 'data', data_type: 'json' },
      { column_name: 'metadata', data_type: 'json' },
    ]);
    const old = await texts('old');
    expect(old[0]?.metadata).toBe('{"unit": "tth-hcc-hue", "actor": "lan"}');
    expect(old[0]?.data).not.toBe(canonicalJson(event(1).data));
    expect((await store.readStream('old')).map((e) => e.data)).toEqual([1, 2, 3].map((n) => event(n).data));
    expect(await store.verify({ streamId: 'old' })).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it('stores new events as the canonical text they were hashed over; old and new verify together', async () => {
    await store.append('old', [event(4)], { expectedVersion: 3 });
    await store.append('new', [event(1), event(2, { nested: { z: [1, { b: null, a: true }], y: 'ế' } })]);
    const stored = await texts('new');
    expect(stored.map((t) => t.data)).toEqual([
      canonicalJson(event(1).data),
      canonicalJson(event(2, { nested: { z: [1, { b: null, a: true }], y: 'ế' } }).data),
    ]);
    expect(stored[0]?.metadata).toBe('{"actor":"lan","unit":"tth-hcc-hue"}');
    expect((await texts('old'))[3]?.data).toBe(canonicalJson(event(4).data));
    await store.seal();
    await store.append('new', [event(3)], { expectedVersion: 2 });
    for (const workers of [1, 2])
      expect(await store.verifyLog({ workers })).toMatchObject({ ok: true, eventsChecked: 7, problems: [] });
    expect((await store.verify()).ok).toBe(true);
  });

  it("keeps jsonb's key test and jsonb_set usable on the log's columns", async () => {
    const { rows } = await pool.query<{ n: number; unit: string }>(
      `SELECT count(*)::int AS n, min(metadata->>'unit') AS unit FROM event_store.events WHERE metadata ? 'actor'`,
    );
    expect(rows[0]).toEqual({ n: 7, unit: 'tth-hcc-hue' });
    const set = await pool.query<{ v: unknown }>(
      `SELECT jsonb_set(data, '{n}', '99') -> 'n' AS v FROM event_store.events LIMIT 1`,
    );
    expect(set.rows[0]?.v).toBe(99);
  });

  it('refuses a NUL character or a lone surrogate, as jsonb did: nothing is written', async () => {
    for (const text of ['nul \u0000 byte', 'a\ud800b']) {
      await expect(store.append('bad', [event(1, { text })])).rejects.toBeInstanceOf(InvalidEventError);
    }
    await expect(store.append('bad', [{ ...event(1), metadata: { actor: 'lan\u0000' } }])).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    expect(await store.readStream('bad')).toEqual([]);
  });

  it('catches a key written twice in a stored text (the last one read by JSON.parse gives the right hash)', async () => {
    const attacker = await connectAttacker(database.url);
    try {
      await attacker.query(
        `UPDATE event_store.events SET metadata = '{"actor":"someone-else","actor":"lan","unit":"tth-hcc-hue"}'
         WHERE stream_id = 'new' AND stream_position = 1`,
      );
      // JSON.parse reads the same metadata as before: only the repeated key tells.
      expect((await store.readStream('new'))[0]?.metadata).toEqual({ actor: 'lan', unit: 'tth-hcc-hue' });
      const report = await store.verifyLog();
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({ kind: 'altered', streamId: 'new', streamPosition: 1 });
      expect((await store.verify({ streamId: 'new' })).problems[0]).toMatchObject({
        kind: 'altered',
        streamPosition: 1,
      });
    } finally {
      await attacker.end();
    }
  });
});
