import request from 'supertest';
import { AccountsService } from '@app/accounts';
import { signToken } from '@app/platform';
import { createTestApp, TEST_TOKEN_SECRET, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';
const HUE_CITY = 'tth-hcc-hue';
const receipt = (unit: string) => ({
  procedureCode: 'H-HKD-01',
  receivingUnitId: unit,
  channel: 'online',
  receivedAt: '2020-09-01T02:00:00Z',
});

describe('service accounts, effective-dated grants, and what a token may do', () => {
  let subject: TestApp;
  let admin: string;
  const http = () => request(subject.app.getHttpServer());

  beforeAll(async () => {
    subject = await createTestApp();
    admin = await subject.token('admin');
  });
  afterAll(() => subject.close());

  it('issues a scoped token to a service account, lists it without its secret, and revokes it', async () => {
    const registered = await http()
      .post('/api/v1/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        username: 'cong-dvc-tinh',
        displayName: 'Cổng dịch vụ công tỉnh',
        kind: 'service',
        grants: [{ role: 'clerk', unitId: CENTRE, validFrom: '2020-01-01' }],
      });
    expect(registered.status).toBe(201);
    expect(registered.body.oneTimePassword).toBeUndefined();

    const outside = await http()
      .post('/api/v1/accounts/cong-dvc-tinh/tokens')
      .set('Authorization', `Bearer ${admin}`)
      .send({ label: 'Cổng DVC', scope: [{ role: 'clerk', unitId: HUE_CITY }], expiresInDays: 30 });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0]).toMatchObject({ field: 'scope', rule: 'SCOPE_NOT_GRANTED' });

    const issued = await http()
      .post('/api/v1/accounts/cong-dvc-tinh/tokens')
      .set('Authorization', `Bearer ${admin}`)
      .send({ label: 'Cổng DVC', scope: [{ role: 'clerk', unitId: CENTRE }], expiresInDays: 30 });
    expect(issued.status).toBe(201);
    const token = issued.body.token as string;
    expect(token).toMatch(/^dtk_[\w-]{43}$/);

    const posted = await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${token}`).send(receipt(CENTRE));
    expect(posted.status).toBe(201);
    const history = await http()
      .get(`/api/v1/dossiers/${posted.body.id}/history`)
      .set('Authorization', `Bearer ${token}`);
    expect(history.body.events[0]).toMatchObject({ actor: 'cong-dvc-tinh', actorName: 'Cổng dịch vụ công tỉnh' });
    const elsewhere = await http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${token}`)
      .send(receipt(HUE_CITY));
    expect(elsewhere.status).toBe(403);

    const listed = await http().get('/api/v1/accounts/cong-dvc-tinh/tokens').set('Authorization', `Bearer ${admin}`);
    expect(listed.body).toEqual([expect.objectContaining({ tokenId: issued.body.tokenId, revokedAt: null })]);
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(4));

    const revoked = await http()
      .delete(`/api/v1/accounts/cong-dvc-tinh/tokens/${issued.body.tokenId}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(revoked.status).toBe(204);
    const refused = await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${token}`).send(receipt(CENTRE));
    expect(refused.status).toBe(401);
    const types = (await subject.app.get(AccountsService).history('cong-dvc-tinh')).map((e) => e.type);
    expect(types).toEqual(['AccountRegistered', 'RoleGranted', 'ServiceTokenIssued', 'ServiceTokenRevoked']);
  });

  it('refuses an expired service token, a token of a disabled account, and a token naming no account', async () => {
    const accounts = subject.app.get(AccountsService);
    await accounts.register(
      {
        username: 'may-mot-cua',
        displayName: 'Phần mềm một cửa',
        kind: 'service',
        grants: [{ role: 'clerk', unitId: CENTRE }],
      },
      { actor: 'test', actorName: 'Kiểm thử' },
    );
    const { token, row } = await accounts.issueServiceToken(
      'may-mot-cua',
      { label: 'x', scope: [{ role: 'clerk', unitId: CENTRE }], expiresInDays: 1 },
      { actor: 'test', actorName: 'Kiểm thử' },
    );
    await subject.database.pool.query(
      "UPDATE accounts.service_tokens SET expires_at = now() - interval '1 second' WHERE token_id = $1",
      [row.tokenId],
    );
    expect((await http().get('/api/v1/session').set('Authorization', `Bearer ${token}`)).status).toBe(401);

    const clerk = await subject.token('clerk', [CENTRE], 'clerk-soon-disabled');
    expect((await http().get('/api/v1/session').set('Authorization', `Bearer ${clerk}`)).status).toBe(200);
    const disabled = await http()
      .post('/api/v1/accounts/clerk-soon-disabled/disable')
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: 'Nghỉ hưu' });
    expect(disabled.status).toBe(201);
    expect((await http().get('/api/v1/session').set('Authorization', `Bearer ${clerk}`)).status).toBe(401);

    const nobody = signToken('khong-ton-tai', TEST_TOKEN_SECRET);
    const refused = await http().get('/api/v1/session').set('Authorization', `Bearer ${nobody}`);
    expect(refused.status).toBe(401);
  });

  it('a clerk moved to another unit today acts for the new one only; what they recorded before keeps the old unit', async () => {
    const clerk = await subject.token('clerk', [CENTRE], 'thu-chuyen-don-vi');
    const before = await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${clerk}`).send(receipt(CENTRE));
    expect(before.status).toBe(201);

    const account = await http().get('/api/v1/accounts/thu-chuyen-don-vi').set('Authorization', `Bearer ${admin}`);
    const grantId = account.body.grants[0].grantId as string;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const ended = await http()
      .post(`/api/v1/accounts/thu-chuyen-don-vi/grants/${grantId}/end`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ effectiveOn: today });
    expect(ended.status).toBe(201);
    const granted = await http()
      .post('/api/v1/accounts/thu-chuyen-don-vi/grants')
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'clerk', unitId: HUE_CITY, validFrom: today });
    expect(granted.status).toBe(201);

    const oldUnit = await http()
      .post(`/api/v1/dossiers/${before.body.id}/request-supplement`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ reason: 'Thiếu bản sao giấy tờ', documents: ['Bản sao CCCD'], at: '2020-09-02T02:00:00Z' });
    expect(oldUnit.status).toBe(404);
    expect(
      (await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${clerk}`).send(receipt(CENTRE))).status,
    ).toBe(403);
    expect(
      (await http().post('/api/v1/dossiers').set('Authorization', `Bearer ${clerk}`).send(receipt(HUE_CITY))).status,
    ).toBe(201);
    const auditor = await subject.token('auditor');
    const history = await http()
      .get(`/api/v1/dossiers/${before.body.id}/history`)
      .set('Authorization', `Bearer ${auditor}`);
    expect(history.body.events[0]).toMatchObject({ actor: 'thu-chuyen-don-vi', unit: CENTRE, role: 'clerk' });
  });

  it('an administrator cannot disable their own account nor end their own grant (another administrator can)', async () => {
    const self = await http().get('/api/v1/session').set('Authorization', `Bearer ${admin}`);
    const username = self.body.username as string;
    const disabled = await http()
      .post(`/api/v1/accounts/${username}/disable`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: 'thử' });
    expect(disabled.status).toBe(409);
    expect(disabled.body.code).toBe('OWN_ACCESS');
    const account = await http().get(`/api/v1/accounts/${username}`).set('Authorization', `Bearer ${admin}`);
    const ended = await http()
      .post(`/api/v1/accounts/${username}/grants/${account.body.grants[0].grantId}/end`)
      .set('Authorization', `Bearer ${admin}`)
      .send({});
    expect(ended.status).toBe(409);
    expect((await http().get('/api/v1/accounts').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
  });

  it('refuses a grant for a unit not in the registry, naming the field', async () => {
    const res = await http()
      .post('/api/v1/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'go-nham', displayName: 'Gõ nhầm', grants: [{ role: 'clerk', unitId: 'tth-hcc-hue-x' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'grants[0].unitId', rule: 'UNKNOWN_UNIT' });
    const absent = await http().get('/api/v1/accounts/go-nham').set('Authorization', `Bearer ${admin}`);
    expect(absent.status).toBe(404);
  });
});
