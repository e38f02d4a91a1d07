import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';
const HUE_CITY = 'tth-hcc-hue';
const MAI = {
  kind: 'citizen',
  fullName: 'Nguyễn Thị Mai',
  idDocument: { kind: 'cccd', number: '046190001234' },
  dateOfBirth: '1990-05-17',
  phone: '0912345678',
  email: 'mai.nguyen@example.vn',
  address: { province: 'Thừa Thiên Huế', locality: 'Phường Phú Hội, Thành phố Huế', street: '12 Lê Lợi' },
};

/** GET /applicants/lookup?idNumber=…: a returning applicant's details as last recorded, to prefill a receipt. */
describe('returning applicant look-up', () => {
  let subject: TestApp;
  let clerk: string;
  let supervisor: string;
  let auditor: string;
  let applicantId: string;
  let dossierId: string;
  const http = () => request(subject.app.getHttpServer());
  const lookUp = (query: Record<string, string>, token = clerk) =>
    http().get('/api/v1/applicants/lookup').query(query).set('Authorization', `Bearer ${token}`);
  const receive = (applicant: unknown, receivedAt: string) =>
    http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${clerk}`)
      .send({ procedureCode: 'T-DKDN-01', receivingUnitId: CENTRE, channel: 'counter', receivedAt, applicant })
      .expect(201);
  const accessLog = async () =>
    (
      await http()
        .get(`/api/v1/applicants/access-log?applicantId=${applicantId}`)
        .set('Authorization', `Bearer ${auditor}`)
    ).body as { purpose: string; actor: string; dossierId: string | null }[];

  beforeAll(async () => {
    subject = await createTestApp();
    clerk = await subject.token('clerk', [CENTRE]);
    supervisor = await subject.token('supervisor', [CENTRE]);
    auditor = await subject.token('auditor');
    const first = await receive(MAI, '2020-09-01T02:00:00Z');
    dossierId = first.body.id;
    applicantId = first.body.applicant.applicantId;
  });
  afterAll(() => subject.close());

  it('finds the applicant by ID number as typed (any document kind) and records the display', async () => {
    const res = await lookUp({ idNumber: '0461 9000 1234' }).expect(200);
    expect(res.body).toEqual({ applicantId, ...MAI });
    await lookUp({ idNumber: '046190001234', idKind: 'cccd' }).expect(200);
    const log = await accessLog();
    expect(log.filter((e) => e.purpose === 'GET /api/v1/applicants/lookup')).toHaveLength(2);
    expect(log[0]).toMatchObject({ actor: 'clerk-tth-pvhcc', dossierId, purpose: 'GET /api/v1/applicants/lookup' });
  });

  it('answers the details as last recorded: a later receipt, then a correction of an earlier dossier', async () => {
    const moved = { ...MAI, address: { ...MAI.address, street: '5 Hà Nội' } };
    const second = await receive(moved, '2020-09-03T02:00:00Z');
    expect(second.body.applicant.applicantId).toBe(applicantId);
    expect((await lookUp({ idNumber: '046190001234' }).expect(200)).body.address.street).toBe('5 Hà Nội');
    await http()
      .post(`/api/v1/dossiers/${dossierId}/correct`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ reason: 'Nhập nhầm số điện thoại', changes: { applicant: { ...moved, phone: '0987654321' } } })
      .expect(200);
    const res = await lookUp({ idNumber: '046190001234' }, supervisor).expect(200);
    expect(res.body).toMatchObject({ applicantId, phone: '0987654321', address: { street: '5 Hà Nội' } });
  });

  it('only applicants seen at the caller’s units (administrators: all); unknown → 404 echoing nothing', async () => {
    const other = await subject.token('clerk', [HUE_CITY]);
    const elsewhere = await lookUp({ idNumber: '046190001234' }, other).expect(404);
    expect(elsewhere.body.code).toBe('APPLICANT_NOT_FOUND');
    const admin = await subject.token('admin');
    await lookUp({ idNumber: '046190001234' }, admin).expect(200);
    const unknown = await lookUp({ idNumber: '046199999999' }).expect(404);
    expect(JSON.stringify(unknown.body)).not.toContain('046199999999');
    await lookUp({ idNumber: '046190001234', idKind: 'passport' }).expect(404);
  });

  it('checks its input and its roles', async () => {
    const missing = await lookUp({}).expect(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'idNumber' });
    const badKind = await lookUp({ idNumber: '046190001234', idKind: 'license' }).expect(400);
    expect(badKind.body.errors[0]).toMatchObject({ field: 'idKind', rule: 'isIn' });
    expect(JSON.stringify(badKind.body)).not.toContain('046190001234');
    await lookUp({ idNumber: '046190001234' }, auditor).expect(403);
    const director = await subject.token('director', [CENTRE]);
    await lookUp({ idNumber: '046190001234' }, director).expect(403);
    await http().get('/api/v1/applicants/lookup?idNumber=046190001234').expect(401);
  });

  it('an erased applicant is not found', async () => {
    const admin = await subject.token('admin');
    await http()
      .post(`/api/v1/applicants/${applicantId}/erasure`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ legalBasis: 'Điều 16 Nghị định 13/2023/NĐ-CP', reason: 'Chủ thể dữ liệu yêu cầu xoá' })
      .expect(200);
    await lookUp({ idNumber: '046190001234' }).expect(404);
    await lookUp({ idNumber: '046190001234' }, admin).expect(404);
  });
});
