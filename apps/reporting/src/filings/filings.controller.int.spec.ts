import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { appendHistories, generateWorkload } from '@app/read-models/testing';
import { ProjectorService } from '@app/projector';
import { type TestApp, createTestApp } from '../../../../test/support/test-app';

const URL = '/api/v1/reports/filings';
const FIGURES = '/api/v1/reports/dossier-figures';
const QUARTER = { from: '2020-06-10', to: '2020-09-04' };

describe('filed reports over HTTP (standalone app)', () => {
  let t: TestApp;
  let admin: string;
  let store: EventStore;
  const caughtUp = () => t.app.get(ProjectorService).projector.caughtUp();
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('admin');
    store = t.app.get<EventStore>(EVENT_STORE);
    await appendHistories(store, generateWorkload({ seed: 5, dossiers: 800, from: '2020-05-01', days: 150 }));
    await caughtUp();
  });
  afterAll(async () => t.close());

  it('files, lists, shows, renders the same bytes later, recomputes at the filing and compares with now', async () => {
    const created = await http()
      .post(URL)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...QUARTER, level: 'province,district', title: 'Báo cáo Quý III/2020' })
      .expect(201);
    const filing = created.body;
    expect(filing).toMatchObject({
      title: 'Báo cáo Quý III/2020',
      period: QUARTER,
      scope: { levels: ['province', 'district'] },
      groupBy: 'level',
      filedBy: { actor: expect.any(String) },
      versions: { units: expect.any(Number), procedures: expect.any(Number), calendar: expect.any(Number) },
      inputsSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(filing.position.globalPosition).toBeGreaterThan(0);
    expect(filing.scope.unitsInScope.length).toBeGreaterThan(5);
    const current = await http()
      .get(`${FIGURES}?from=${QUARTER.from}&to=${QUARTER.to}&level=province,district`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(filing.figures.groups).toEqual(current.body.groups);

    const list = await http().get(URL).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(list.body.filings.map((f: { id: string }) => f.id)).toContain(filing.id);
    expect(list.body.filings[0].figures).toBeUndefined();

    const text = await http()
      .get(`${URL}/${filing.id}?format=text`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(text.text).toMatch(/^Từ ngày 10\/6\/2020 đến ngày 04\/9\/2020, tại /);
    const csv = await http().get(`${URL}/${filing.id}?format=csv`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);

    // late entries: dossiers received inside the quarter, recorded after the filing
    await appendHistories(store, generateWorkload({ seed: 6, dossiers: 60, from: '2020-07-01', days: 30 }));
    await caughtUp();

    const textLater = await http()
      .get(`${URL}/${filing.id}?format=text`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const csvLater = await http()
      .get(`${URL}/${filing.id}?format=csv`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(textLater.text).toBe(text.text);
    expect(csvLater.text).toBe(csv.text);

    const asFiled = await http()
      .get(`${FIGURES}?from=${QUARTER.from}&to=${QUARTER.to}&level=province,district&asKnownAt=${filing.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(asFiled.body).toMatchObject({ source: 'replay', asKnownAtFiling: filing.id, warnings: [] });
    expect(asFiled.body.groups).toEqual(filing.figures.groups);
    const { transactionId, globalPosition } = filing.position;
    const atPosition = await http()
      .get(
        `${FIGURES}?from=${QUARTER.from}&to=${QUARTER.to}&level=province,district&asKnownAtPosition=${transactionId}:${globalPosition}`,
      )
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(atPosition.body.total).toEqual(filing.figures.total);

    const comparison = await http()
      .get(`${URL}/${filing.id}/comparison`)
      .set('Authorization', `Bearer ${await t.token('auditor')}`)
      .expect(200);
    const received = comparison.body.total.figures.find((f: { figure: string }) => f.figure === 'received.total');
    expect(received.difference).toBeGreaterThan(0);
    expect(received.now - received.filed).toBe(received.difference);
    expect(received.dossiers.reduce((sum: number, d: { change: number }) => sum + d.change, 0)).toBe(
      received.difference,
    );
    expect(received.dossiers[0].events[0]).toMatchObject({
      type: 'DossierReceived',
      occurredAt: expect.any(String),
      recordedAt: expect.any(String),
      globalPosition: expect.any(Number),
    });
    expect(comparison.body.eventsAfterFiling).toBeGreaterThan(0);
  });

  it('warns instead of silent zeros: an instant before the first event, a scope with no unit in force', async () => {
    const before = await http()
      .get(`${FIGURES}?from=${QUARTER.from}&to=${QUARTER.to}&unit=tth-pvhcc&asKnownAt=2020-09-05T17:00:00%2B07:00`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(before.body.warnings).toEqual([
      { code: 'BEFORE_FIRST_EVENT', message: expect.stringContaining('Thời điểm') },
    ]);
    const noUnit = await http()
      .get(`${FIGURES}?from=${QUARTER.from}&to=${QUARTER.to}&unit=hue-pvhcc`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(noUnit.body.warnings).toEqual([{ code: 'NO_UNIT_IN_FORCE', message: expect.stringContaining('hiệu lực') }]);
    const refused = await http()
      .post(URL)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...QUARTER, unit: 'hue-pvhcc' })
      .expect(400);
    expect(refused.body.code).toBe('EMPTY_SCOPE');
  });

  it('lets directors file for their units only; others read what they may read', async () => {
    const director = await t.token('director', ['tth-hcc-hue']);
    await http()
      .post(URL)
      .set('Authorization', `Bearer ${director}`)
      .send({ ...QUARTER, unit: 'tth-pvhcc' })
      .expect(403);
    const own = await http()
      .post(URL)
      .set('Authorization', `Bearer ${director}`)
      .send({ ...QUARTER, unit: 'tth-hcc-hue' })
      .expect(201);
    await http()
      .post(URL)
      .set('Authorization', `Bearer ${await t.token('clerk', ['tth-hcc-hue'])}`)
      .send({ ...QUARTER, unit: 'tth-hcc-hue' })
      .expect(403);
    const listed = await http().get(URL).set('Authorization', `Bearer ${director}`).expect(200);
    expect(listed.body.filings.map((f: { id: string }) => f.id)).toEqual([own.body.id]);
    const other = (await http().get(URL).set('Authorization', `Bearer ${admin}`)).body.filings.find(
      (f: { scope: { levels?: string[] } }) => f.scope.levels,
    );
    await http().get(`${URL}/${other.id}`).set('Authorization', `Bearer ${director}`).expect(403);
    await http().get(`${URL}/00000000-0000-4000-8000-000000000000`).set('Authorization', `Bearer ${admin}`).expect(404);
  });

  it.each([
    [{ from: '2020-09-04', to: '2020-06-10', level: 'province' }, 'to'],
    [{ from: '2020-06-10', to: '2020-09-04' }, 'unit'],
    [{ from: '2020-06-10', to: '2020-09-04', level: 'galaxy' }, 'level'],
  ])('answers 400 naming the field: %j', async (body, field) => {
    const res = await http().post(URL).set('Authorization', `Bearer ${admin}`).send(body).expect(400);
    expect(res.body.errors[0].field).toBe(field);
  });
});
