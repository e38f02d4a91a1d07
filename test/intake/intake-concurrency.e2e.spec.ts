import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';

describe('intake: concurrent receipts with repeated idempotency keys', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp({ DATABASE_POOL_SIZE: '30' });
  });
  afterAll(() => subject.close());

  it('200 concurrent POST /dossiers, 50 keys sent twice → 150 dossiers, 150 distinct codes, repeats get the original body', async () => {
    const token = await subject.token('clerk', [CENTRE], 'clerk-rush');
    const server = subject.app.getHttpServer();
    const keys = Array.from({ length: 200 }, (_, i) => (i < 100 ? `key-${i % 50}` : `unique-${i}`));
    const responses = await Promise.all(
      keys.map((key) =>
        request(server)
          .post('/api/v1/dossiers')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', key)
          .send({
            procedureCode: 'T-DKDN-01',
            receivingUnitId: CENTRE,
            channel: 'counter',
            receivedAt: '2020-09-01T02:00:00Z',
          }),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);

    const byKey = new Map<string, unknown[]>();
    responses.forEach((r, i) => byKey.set(keys[i] as string, [...(byKey.get(keys[i] as string) ?? []), r.body]));
    for (const [key, bodies] of byKey) {
      if (key.startsWith('key-')) expect(bodies[1]).toEqual(bodies[0]);
    }
    const ids = new Set(responses.map((r) => r.body.id));
    const codes = new Set(responses.map((r) => r.body.code));
    expect(ids.size).toBe(150);
    expect(codes.size).toBe(150);

    const { rows } = await subject.database.pool.query<{ streams: string; events: string }>(
      "SELECT count(DISTINCT stream_id) AS streams, count(*) AS events FROM event_store.events WHERE stream_id LIKE 'dossier-%'",
    );
    expect(Number(rows[0]?.streams)).toBe(150);
    expect(Number(rows[0]?.events)).toBe(150);
  });
});
