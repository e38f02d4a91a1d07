import request from 'supertest';
import { ALL_MIGRATIONS } from '@app/standalone';
import { createTestApp, type TestApp } from './support/test-app';

describe('standalone app: health and OpenAPI', () => {
  let subject: TestApp;
  let clerk: string;
  beforeAll(async () => {
    // no principal cache: with the database down, the details must not depend on a token seen moments before
    subject = await createTestApp({ AUTH_CACHE_MS: '0' });
    clerk = await subject.token('clerk', ['tth-pvhcc']);
  });
  afterAll(() => subject.close());

  const withToken = () => request(subject.app.getHttpServer()).get('/health').set('Authorization', `Bearer ${clerk}`);

  it('shows anyone up or down only, and no internals', async () => {
    const anonymous = await request(subject.app.getHttpServer()).get('/health').expect(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    const badToken = await request(subject.app.getHttpServer())
      .get('/health')
      .set('Authorization', 'Bearer forged.token.here')
      .expect(200);
    expect(badToken.body).toEqual({ status: 'ok' });
  });

  it('reports the database up and every migration applied', async () => {
    const response = await withToken().expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', kind: 'external' },
      migrations: { pending: [] },
    });
    expect(response.body.migrations.total).toBe(ALL_MIGRATIONS.length);
  });

  it('answers 503 when the database is unreachable', async () => {
    const { pool } = subject.database;
    const original = pool.query.bind(pool);
    (pool as { query: unknown }).query = () => Promise.reject(new Error('connection refused'));
    try {
      const anonymous = await request(subject.app.getHttpServer()).get('/health').expect(503);
      expect(anonymous.body).toEqual({ status: 'error' });
      const response = await withToken().expect(503);
      expect(response.body.database).toMatchObject({ status: 'down', error: 'connection refused' });
    } finally {
      (pool as { query: unknown }).query = original;
    }
  });

  it('serves the OpenAPI document', async () => {
    const response = await request(subject.app.getHttpServer()).get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/health');
  });
});
