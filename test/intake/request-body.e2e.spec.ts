import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Bodies refused before validation: JSON nested thousands of levels deep (validation overflowed the stack: a 500)
 * is a 400; a body over the limit is a 413 naming it. The reference upload, whose `content` may be 20 MB, has a
 * 20 MB body limit; every other route 100 KB.
 */
describe('request bodies: depth and size limits, answered in the error shape', () => {
  let subject: TestApp;
  let admin: string;
  let dossierId: string;
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    subject = await createTestApp();
    admin = await subject.token('admin');
    const receipt = {
      procedureCode: 'T-DKDN-01',
      receivingUnitId: 'tth-pvhcc',
      channel: 'counter',
      receivedAt: '2020-09-01T02:00:00Z',
    };
    dossierId = (
      await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${admin}`).send(receipt).expect(201)
    ).body.id;
  });
  afterAll(() => subject.close());

  const nested = (levels: number, leaf = '"x"'): string => `${'['.repeat(levels)}${leaf}${']'.repeat(levels)}`;
  const nestedObject = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it.each([
    [
      'POST',
      '/api/v1/dossiers',
      (deep: string) => `{"procedureCode":${deep},"receivingUnitId":"tth-pvhcc","channel":"counter"}`,
    ],
    ['POST', '/api/v1/receipt-refusals', (deep: string) => `{"reason":${deep}}`],
    ['POST', '/api/v1/dossiers/{id}/correct', (deep: string) => `{"reason":"x","changes":${deep}}`],
    ['POST', '/api/v1/dossiers/{id}/request-supplement', (deep: string) => `{"reason":"x","documents":${deep}}`],
    ['PUT', '/api/v1/reference/units', (deep: string) => `{"format":"json","content":${deep}}`],
  ])('%s %s: 2,000 levels (~4 KB) → 400 BODY_TOO_DEEP', async (method, path, body) => {
    for (const deep of [nested(2000), nestedObject(2000)]) {
      const call =
        method === 'PUT' ? http().put(path.replace('{id}', dossierId)) : http().post(path.replace('{id}', dossierId));
      const response = await call
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/json')
        .send(body(deep));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'BODY_TOO_DEEP',
        message: expect.stringContaining('levels deep'),
      });
    }
  });

  it('brackets inside strings do not count; ordinary nesting passes', async () => {
    const reason = `${'['.repeat(500)}${'{'.repeat(500)} "quoted \\" ]]]`;
    await http()
      .post(`/api/v1/dossiers/${dossierId}/request-supplement`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason, documents: ['a'], at: '2020-09-01T03:00:00Z' })
      .expect(200);
  });

  it('over 100 KB on a command → 413 naming the limit', async () => {
    const response = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        procedureCode: 'T-DKDN-01',
        receivingUnitId: 'tth-pvhcc',
        channel: 'counter',
        applicantReference: 'x'.repeat(150_000),
      });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('100 KB'),
    });
  });

  it('a reference upload of 2 MB is accepted (the 100 KB cap refused it); over 20 MB → 413 naming 20 MB', async () => {
    const { records } = (
      await http().get('/api/v1/reference/procedures').set('Authorization', `Bearer ${admin}`).expect(200)
    ).body;
    const content = JSON.stringify(records) + ' '.repeat(2_000_000);
    const accepted = await http()
      .put('/api/v1/reference/procedures')
      .set('Authorization', `Bearer ${admin}`)
      .send({ format: 'json', content, source: 'padded' });
    expect(accepted.status).toBe(200);
    const tooBig = await http()
      .put('/api/v1/reference/procedures')
      .set('Authorization', `Bearer ${admin}`)
      .send({ format: 'json', content: ' '.repeat(21 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('20 MB'),
    });
  });

  it('malformed JSON and another charset keep their answers', async () => {
    const malformed = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"a":');
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_BODY' });
    const latin = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json; charset=iso-8859-1')
      .send('{}');
    expect(latin.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
