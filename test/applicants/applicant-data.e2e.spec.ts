import { createHash } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';
const HUE_CITY = 'tth-hcc-hue';
const MAI = {
  kind: 'citizen',
  fullName: 'Nguyễn Thị Mai',
  idDocument: { kind: 'cccd', number: '046190001234' },
  dateOfBirth: '1990-05-17',
  phone: '+84 912 345 678',
  email: 'mai.nguyen@example.vn',
  address: { province: 'Thừa Thiên Huế', locality: 'Phường Phú Hội, Thành phố Huế', street: '12 Lê Lợi' },
  returnByPost: {
    deliveryAddress: { province: 'Thừa Thiên Huế', locality: 'Phường Vĩnh Ninh, Thành phố Huế', street: '5 Hà Nội' },
  },
};
/** What must never be found in clear: the name (both Unicode forms), the ID number, the phone, the e-mail, the street. */
const SECRETS = [
  'Nguyễn Thị Mai',
  'Nguyễn Thị Mai'.normalize('NFD'),
  '046190001234',
  '912345678',
  'mai.nguyen',
  'Lê Lợi',
];

/** Every row of every table of the database, as text (what a data dump holds). */
async function everyRow(subject: TestApp): Promise<string> {
  const { rows: tables } = await subject.database.pool.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await subject.database.pool.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
    parts.push(...rows.map((r) => `${name} ${r.row}`));
  }
  return parts.join('\n');
}

const hits = (text: string): string[] => SECRETS.filter((s) => text.includes(s));

describe("applicants' personal data", () => {
  let subject: TestApp;
  let clerk: string;
  let admin: string;
  const http = () => request(subject.app.getHttpServer());
  const receive = (applicant: unknown, token = clerk, unit = CENTRE) =>
    http().post('/api/v1/dossiers').set('Authorization', `Bearer ${token}`).send({
      procedureCode: 'H-HKD-01',
      receivingUnitId: unit,
      channel: 'counter',
      receivedAt: '2020-09-01T02:00:00Z',
      applicant,
    });

  beforeAll(async () => {
    subject = await createTestApp();
    clerk = await subject.token('clerk', [CENTRE]);
    admin = await subject.token('admin');
  });
  afterAll(() => subject.close());

  it('refuses invalid details naming each field, and records nothing', async () => {
    const res = await receive({ ...MAI, idDocument: { kind: 'cccd', number: '12345' }, phone: '123' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'applicant.idDocument.number',
      'applicant.phone',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('12345"');
    const { rows } = await subject.database.pool.query(
      "SELECT count(*)::int AS n FROM event_store.events WHERE stream_id LIKE 'dossier-%'",
    );
    expect(rows[0].n).toBe(0);
  });

  let dossierId: string;
  let applicantId: string;

  it('round-trips through the API, never in clear in the log; a returning applicant keeps their id', async () => {
    const res = await receive(MAI);
    expect(res.status).toBe(201);
    dossierId = res.body.id;
    applicantId = res.body.applicant.applicantId;
    expect(res.body.applicant).toEqual({ applicantId });

    const read = await http().get(`/api/v1/dossiers/${dossierId}`).set('Authorization', `Bearer ${clerk}`);
    expect(read.body.applicant.details).toMatchObject({
      fullName: 'Nguyễn Thị Mai',
      idDocument: { kind: 'cccd', number: '046190001234' },
      phone: '0912345678',
      returnByPost: { deliveryAddress: { street: '5 Hà Nội' } },
    });
    const { rows } = await subject.database.pool.query<{ row: string }>(
      'SELECT data::text || metadata::text AS row FROM event_store.events',
    );
    expect(hits(rows.map((r) => r.row).join('\n'))).toEqual([]);

    // with an idempotency key the log keeps the request's fingerprint: keyed, so whoever can guess the request
    // cannot recompute it and link the dossier to the person
    const body = {
      procedureCode: 'H-HKD-01',
      receivingUnitId: CENTRE,
      channel: 'counter',
      receivedAt: '2020-09-01T03:00:00Z',
      applicant: MAI,
    };
    const keyed = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .set('Idempotency-Key', 'quay-1-0001')
      .send(body);
    expect(keyed.status).toBe(201);
    const plain = createHash('sha256')
      .update(`POST /api/v1/dossiers\n${JSON.stringify(body)}`)
      .digest('base64url');
    const { rows: keyedRows } = await subject.database.pool.query<{ fingerprint: string }>(
      "SELECT metadata->>'requestFingerprint' AS fingerprint FROM event_store.events WHERE metadata ? 'requestFingerprint'",
    );
    expect(keyedRows).toHaveLength(1);
    expect(keyedRows[0]?.fingerprint).not.toBe(plain);

    const again = await receive({ ...MAI, fullName: 'Nguyễn   Thị Mai', phone: '0912 345 678' });
    expect(again.body.applicant.applicantId).toBe(applicantId);
  });

  it('finds the dossiers of an ID number, a phone or a name for the staff of the unit; another unit finds nothing', async () => {
    const byId = await http()
      .get('/api/v1/applicants/dossiers?idKind=cccd&idNumber=046190001234')
      .set('Authorization', `Bearer ${clerk}`);
    expect(byId.status).toBe(200);
    expect(byId.body.map((d: { dossierId: string }) => d.dossierId)).toContain(dossierId);
    const byPhone = await http()
      .get('/api/v1/applicants/dossiers?phone=0912345678')
      .set('Authorization', `Bearer ${clerk}`);
    expect(byPhone.body).toHaveLength(3);
    const byName = await http()
      .get(`/api/v1/applicants/dossiers?name=${encodeURIComponent('nguyen thi mai')}`)
      .set('Authorization', `Bearer ${clerk}`);
    expect(byName.body).toHaveLength(3);
    const other = await subject.token('clerk', [HUE_CITY]);
    for (const query of ['idKind=cccd&idNumber=046190001234', 'phone=0912345678', 'name=mai']) {
      const res = await http().get(`/api/v1/applicants/dossiers?${query}`).set('Authorization', `Bearer ${other}`);
      expect(res.body).toEqual([]);
    }
  });

  it('records who displayed the data, when and why', async () => {
    const auditor = await subject.token('auditor');
    const log = await http()
      .get(`/api/v1/applicants/access-log?applicantId=${applicantId}`)
      .set('Authorization', `Bearer ${auditor}`);
    expect(log.status).toBe(200);
    expect(log.body[0]).toMatchObject({
      actor: 'clerk-tth-pvhcc',
      applicantId,
      dossierId,
      purpose: 'GET /api/v1/dossiers/{id}',
    });
    await expect(subject.database.pool.query('DELETE FROM applicants.access_log')).rejects.toThrow(/append-only/);
  });

  it("a supervisor corrects the applicant's details: sealed with the same key, found by the new phone", async () => {
    const supervisor = await subject.token('supervisor', [CENTRE]);
    const res = await http()
      .post(`/api/v1/dossiers/${dossierId}/correct`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ reason: 'Nhập nhầm số điện thoại', changes: { applicant: { ...MAI, phone: '0987654321' } } });
    expect(res.status).toBe(200);
    const read = await http().get(`/api/v1/dossiers/${dossierId}`).set('Authorization', `Bearer ${clerk}`);
    expect(read.body.applicant).toMatchObject({ applicantId, details: { phone: '0987654321' } });
    const found = await http()
      .get('/api/v1/applicants/dossiers?phone=0987654321')
      .set('Authorization', `Bearer ${clerk}`);
    // the phone is the applicant's: all three of their dossiers are found by it
    expect(found.body.map((d: { applicantId: string }) => d.applicantId)).toEqual([
      applicantId,
      applicantId,
      applicantId,
    ]);
    expect(found.body.map((d: { dossierId: string }) => d.dossierId)).toContain(dossierId);
    const { rows } = await subject.database.pool.query<{ row: string }>(
      "SELECT data::text AS row FROM event_store.events WHERE type = 'EntryCorrected'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).not.toContain('987654321');
    const bad = await http()
      .post(`/api/v1/dossiers/${dossierId}/correct`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ reason: 'x', changes: { applicant: { ...MAI, idDocument: { kind: 'cccd', number: '1' } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('changes.applicant.idDocument.number');
  });

  it('rotates the master key without touching the log: every applicant still reads', async () => {
    const before = await subject.database.pool.query(
      'SELECT global_position, data::text, hash FROM event_store.events ORDER BY 1',
    );
    const rotated = await http().post('/api/v1/applicants/master-key/rotation').set('Authorization', `Bearer ${admin}`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ masterKeyId: 'master-0002', rewrapped: 1 });
    const after = await subject.database.pool.query(
      'SELECT global_position, data::text, hash FROM event_store.events ORDER BY 1',
    );
    expect(after.rows).toEqual(before.rows);
    const read = await http().get(`/api/v1/dossiers/${dossierId}`).set('Authorization', `Bearer ${clerk}`);
    expect(read.body.applicant.details.fullName).toBe('Nguyễn Thị Mai');
  });

  it('erases: the marker everywhere, nothing in any table, the log verifies and the figures are unchanged', async () => {
    const figures = () =>
      http()
        .get('/api/v1/reports/dossier-figures?from=2020-06-10&to=2020-09-04&units=tth-pvhcc&source=replay')
        .set('Authorization', `Bearer ${admin}`);
    const before = (await figures()).body;
    expect(hits(await everyRow(subject)).length).toBeGreaterThan(0); // the applicants table holds the name before erasure

    const erased = await http()
      .post(`/api/v1/applicants/${applicantId}/erasure`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ legalBasis: 'Điều 16 Nghị định 13/2023/NĐ-CP', reason: 'Chủ thể dữ liệu yêu cầu xoá' });
    expect(erased.status).toBe(200);

    const read = await http().get(`/api/v1/dossiers/${dossierId}`).set('Authorization', `Bearer ${clerk}`);
    expect(read.body.applicant).toEqual({ applicantId, erased: '[đã xoá theo yêu cầu]' });
    expect(hits(await everyRow(subject))).toEqual([]);
    const search = await http()
      .get('/api/v1/applicants/dossiers?idKind=cccd&idNumber=046190001234')
      .set('Authorization', `Bearer ${clerk}`);
    expect(search.body).toEqual([]);
    const after = (await figures()).body;
    expect(after.figures).toEqual(before.figures);
    const verification = await subject.app.get<EventStore>(EVENT_STORE).verifyLog();
    expect(verification.ok).toBe(true);
    const repeat = await http()
      .post(`/api/v1/applicants/${applicantId}/erasure`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ legalBasis: 'x', reason: 'y' });
    expect(repeat.status).toBe(200);
    const { rows } = await subject.database.pool.query(
      "SELECT count(*)::int AS n FROM event_store.events WHERE type = 'ApplicantDataErased'",
    );
    expect(rows[0].n).toBe(1);
  });
});
