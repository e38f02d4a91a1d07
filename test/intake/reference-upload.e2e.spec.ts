import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * PUT /reference/calendar with `[{}]` crashed further on (a 500), and PUT /reference/units or /procedures with `[]`
 * emptied the registry in force. A calendar is checked field by field, and a registry never loses an entry.
 */
describe('reference upload: calendar years checked field by field, registries never emptied', () => {
  let subject: TestApp;
  let admin: string;
  const http = () => request(subject.app.getHttpServer());
  const put = (kind: string, body: object) =>
    http().put(`/api/v1/reference/${kind}`).set('Authorization', `Bearer ${admin}`).send(body);
  const current = async (kind: string) =>
    (await http().get(`/api/v1/reference/${kind}`).set('Authorization', `Bearer ${admin}`).expect(200)).body as {
      version: number;
      records: Record<string, unknown>[];
    };

  beforeAll(async () => {
    subject = await createTestApp();
    admin = await subject.token('admin');
  });
  afterAll(() => subject.close());

  it.each([
    ['[{}]', 'content[0].year'],
    ['[{"year":"2020"}]', 'content[0].year'],
    ['[{"year":2020,"notice":"n","daysOff":[{}]}]', 'content[0].daysOff[0].date'],
    ['[{"year":2020,"notice":"n","daysOff":[{"date":"2021-01-01","name":"x"}]}]', 'content[0].daysOff[0].date'],
    ['[{"year":2020,"notice":"n","daysOff":{}}]', 'content[0].daysOff'],
    [
      '[{"year":2020,"notice":"n","daysOff":[],"workingSaturdays":[{"date":"2020-02-30"}]}]',
      'content[0].workingSaturdays[0].date',
    ],
    ['[{"year":2020,"notice":"n","daysOff":[],"holidays":[]}]', 'content[0].holidays'],
    ['[{"year":2020,"notice":"\\u0000","daysOff":[]}]', 'content[0].notice'],
    ['[null]', 'content[0]'],
    ['{}', 'content'],
    ['[]', 'content'],
    [`[${'['.repeat(5000)}${']'.repeat(5000)}]`, 'content[0]'],
  ])('calendar %s → 400 naming %s, nothing recorded', async (content, field) => {
    const before = await current('calendar');
    const response = await put('calendar', { format: 'json', content });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'INVALID_REFERENCE_DATA',
      errors: [expect.objectContaining({ field })],
    });
    expect((await current('calendar')).version).toBe(before.version);
  });

  it.each(['units', 'procedures', 'calendar'])(
    '%s: an empty set is refused, the registry in force stays',
    async (kind) => {
      const before = await current(kind);
      const response = await put(kind, { format: 'json', content: '[]' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'INVALID_REFERENCE_DATA',
        errors: [expect.objectContaining({ field: 'content' })],
      });
      const after = await current(kind);
      expect(after.version).toBe(before.version);
      expect(after.records).toHaveLength(before.records.length);
    },
  );

  it('units: leaving one out is refused (an end date retires it); an end date is accepted', async () => {
    const { records } = await current('units');
    const dropped = records.filter((u) => u.id !== 'tth-hcc-a-luoi');
    expect(dropped.length).toBe(records.length - 1);
    const refused = await put('units', { format: 'json', content: JSON.stringify(dropped) }).expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'content', rule: 'registryReplacement' });
    expect(refused.body.message).toContain('tth-hcc-a-luoi');
    await put('units', { format: 'json', content: JSON.stringify(records), source: 'same set again' }).expect(200);
  });

  it('calendar: a year in force cannot be left out; a valid upload of the same years is accepted', async () => {
    const { records } = await current('calendar');
    const refused = await put('calendar', { format: 'json', content: JSON.stringify(records.slice(1)) }).expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'content', rule: 'registryReplacement' });
    const accepted = await put('calendar', { format: 'json', content: JSON.stringify(records) }).expect(200);
    expect(accepted.body.count).toBe(records.length);
  });
});
