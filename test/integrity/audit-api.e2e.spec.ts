import request from 'supertest';
import { EVENT_STORE, type PostgresEventStore } from '@app/event-store';
import { appendLog, chronologicalLog } from '@app/read-models/testing';
import { createTestApp, type TestApp } from '../support/test-app';

const PROCEDURE = {
  name: 'Cấp giấy phép thử nghiệm (lịch sử danh mục)',
  level: 'province',
  field: 'Thử nghiệm',
  timeLimit: { unit: 'working_days', amount: 4 },
  oneStop: true,
  interconnected: false,
  onlineLevel: 'partial',
  validFrom: '2020-01-01',
  validTo: null,
};

/** GET/POST /api/v1/audit/… and GET /api/v1/reference/{kind}/history, for auditors and administrators. */
describe('the auditor API: integrity, verify runs, seals, reference-data history', () => {
  let t: TestApp;
  let auditor: string;
  let admin: string;
  let clerk: string;
  const http = () => request(t.app.getHttpServer());
  const get = (url: string, token = auditor) => http().get(url).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await createTestApp({ SEAL_EVERY_EVENTS: '100000', SEAL_EVERY_SECONDS: '3600' });
    auditor = await t.token('auditor');
    admin = await t.token('admin');
    clerk = await t.token('clerk', ['tth-pvhcc']);
    const store = t.app.get<PostgresEventStore>(EVENT_STORE);
    await appendLog(store, [...chronologicalLog({ seed: 3, dossiers: 20, from: '2020-07-01', days: 10 })]);
    await store.seal();
    await appendLog(store, [...chronologicalLog({ seed: 4, dossiers: 3, from: '2020-08-03', days: 5 })]);
  });
  afterAll(() => t?.close());

  it('only auditors and administrators', async () => {
    await get('/api/v1/audit/integrity', clerk).expect(403);
    await http().get('/api/v1/audit/seals').expect(401);
    await get('/api/v1/reference/units/history', clerk).expect(403);
    await get('/api/v1/audit/integrity', admin).expect(200);
  });

  it('GET /audit/integrity: no run yet, the seals and what is unsealed, the next automatic seal', async () => {
    const { body } = await get('/api/v1/audit/integrity').expect(200);
    const unsealed = (
      await t.database.pool.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM event_store.events WHERE (transaction_id, global_position) >
           (SELECT up_to_transaction_id, up_to_global_position FROM event_store.seals ORDER BY seal_number DESC LIMIT 1)`,
      )
    ).rows[0]?.n;
    expect(Number(unsealed)).toBeGreaterThan(0);
    // npm start's sealer took the first seal at start-up (no seal yet), the test two more
    const seals = await t.app.get<PostgresEventStore>(EVENT_STORE).listSeals();
    expect(seals.length).toBeGreaterThanOrEqual(2);
    expect(body).toMatchObject({
      lastVerification: null,
      seals: {
        count: seals.length,
        last: seals.slice(-5).reverse(),
        unsealedEvents: Number(unsealed),
        policy: { everyEvents: 100000, everySeconds: 3600 },
        nextDueAfterEvents: 100000 - Number(unsealed),
      },
    });
    const due = Date.parse(body.seals.nextDueAt as string) - Date.parse(body.seals.last[0].createdAt as string);
    expect(due).toBe(3_600_000);
  });

  it('POST /audit/verifications runs verify in the background; the run, then the integrity status, show it', async () => {
    const body0 = (await get('/api/v1/audit/integrity').expect(200)).body as { seals: { count: number } };
    const started = await http()
      .post('/api/v1/audit/verifications')
      .set('Authorization', `Bearer ${auditor}`)
      .expect(202);
    expect(started.body).toMatchObject({ scope: { kind: 'log' }, status: 'running', ok: null });
    expect(started.headers.location).toBe(`/api/v1/audit/verifications/${started.body.id}`);
    let run = started.body as { status: string; ok: boolean | null; report: Record<string, unknown> | null };
    for (let i = 0; i < 100 && run.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await get(started.headers.location as string).expect(200)).body;
    }
    expect(run).toMatchObject({
      status: 'done',
      ok: true,
      report: { ok: true, sealsChecked: body0.seals.count, problems: [] },
    });
    const { body } = await get('/api/v1/audit/integrity').expect(200);
    expect(body.lastVerification).toMatchObject({ id: started.body.id, status: 'done', ok: true });

    const stream = await http()
      .post('/api/v1/audit/verifications')
      .query({ stream: 'reference-units' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(202);
    expect(stream.body.scope).toEqual({ kind: 'stream', streamId: 'reference-units' });
    await get('/api/v1/audit/verifications/00000000-0000-4000-8000-000000000000').expect(404);
    await get('/api/v1/audit/verifications/not-a-uuid').expect(400);
  });

  it('GET /audit/seals pages newest first; GET /audit/seals/{n}/export is the seal as seal export writes it', async () => {
    const total = (await t.app.get<PostgresEventStore>(EVENT_STORE).listSeals()).length;
    const page = await get('/api/v1/audit/seals').query({ pageSize: '1', page: '2' }).expect(200);
    expect(page.body).toMatchObject({ total, page: 2, pageSize: 1, seals: [{ sealNumber: total - 1 }] });
    const bad = await get('/api/v1/audit/seals').query({ pageSize: '0' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'pageSize', rule: 'isInt' })]);
    const one = await get('/api/v1/audit/seals/1/export').expect(200);
    const listed = (await t.app.get<PostgresEventStore>(EVENT_STORE).listSeals())[0];
    expect(one.body).toEqual(listed);
    expect(one.headers['content-disposition']).toBe('attachment; filename="seal-1.json"');
    await get('/api/v1/audit/seals/99/export').expect(404);
    await get('/api/v1/audit/seals/x/export').expect(400);
  });

  it('GET /reference/{kind}/history: every version, who, when, the source, what changed by key', async () => {
    await http()
      .put('/api/v1/reference/procedures/T-HIS-01')
      .set('Authorization', `Bearer ${admin}`)
      .send(PROCEDURE)
      .expect(200);
    await http()
      .put('/api/v1/reference/procedures/T-HIS-01')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...PROCEDURE, validTo: '2021-01-01' })
      .expect(200);
    await http()
      .put('/api/v1/reference/procedures/T-HIS-01')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...PROCEDURE, validTo: '2021-01-01', name: 'Tên mới' })
      .expect(200);
    const { body } = await get('/api/v1/reference/procedures/history').expect(200);
    const versions = body.versions as { changes: unknown[]; entries: number }[];
    expect(body.kind).toBe('procedures');
    expect(versions).toHaveLength(4);
    expect(versions[0]).toMatchObject({ version: 1, actor: 'system', source: expect.stringMatching(/shipped/) });
    expect(versions[0]?.changes).toHaveLength(versions[0]?.entries as number);
    expect(versions.slice(1)).toEqual([
      expect.objectContaining({
        version: 2,
        actor: expect.any(String),
        recordedAt: expect.stringMatching(/Z$/),
        source: 'PUT /api/v1/reference/procedures/T-HIS-01',
        entry: { key: 'T-HIS-01', validFrom: '2020-01-01', change: 'added' },
        changes: [{ key: 'T-HIS-01', validFrom: '2020-01-01', change: 'added' }],
      }),
      expect.objectContaining({
        version: 3,
        changes: [{ key: 'T-HIS-01', validFrom: '2020-01-01', change: 'ended', fields: ['validTo'] }],
      }),
      expect.objectContaining({
        version: 4,
        changes: [{ key: 'T-HIS-01', validFrom: '2020-01-01', change: 'changed', fields: ['name'] }],
      }),
    ]);
    await get('/api/v1/reference/calendar/history', admin).expect(200);
    await get('/api/v1/reference/nothing/history').expect(400);
  });
});
