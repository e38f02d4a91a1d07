import request from 'supertest';
import { AccountsService, SYSTEM_ACTOR } from '@app/accounts';
import { idFromKey } from '@app/intake';
import { createTestApp, type TestApp } from '../support/test-app';

const CENTRE = 'tth-pvhcc';
const HUE_CITY = 'tth-hcc-hue';
const CENTRE_CODE = '000.00.01.H57';

/** Hardening regressions of the receipt path: dossier codes, idempotent replays and what other units can see. */
describe('intake: dossier codes, replays and other units', () => {
  let subject: TestApp;
  const http = () => request(subject.app.getHttpServer());
  const receipt = (unit: string, receivedAt: string) => ({
    procedureCode: 'T-DKDN-01',
    receivingUnitId: unit,
    channel: 'counter',
    receivedAt,
  });
  const receive = (token: string, body: object, key?: string) => {
    const call = http().post('/api/v1/dossiers').set('Authorization', `Bearer ${token}`);
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };
  const counter = async (day: string): Promise<number | undefined> => {
    const { rows } = await subject.database.pool.query<{ last_sequence: number }>(
      'SELECT last_sequence FROM intake.dossier_code_counters WHERE unit_code = $1 AND local_day = $2',
      [CENTRE_CODE, day],
    );
    return rows[0]?.last_sequence;
  };

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(() => subject.close());

  describe('a repeat takes no number', () => {
    it('20 repeats of an acknowledged receipt answer the first receipt and leave the sequence where it was', async () => {
      const clerk = await subject.token('clerk', [CENTRE], 'clerk-repeats');
      const body = receipt(CENTRE, '2020-09-07T02:00:00Z');
      const first = await receive(clerk, body, 'repeat-1').expect(201);
      const before = await counter('2020-09-07');
      for (let i = 0; i < 20; i++) {
        const repeat = await receive(clerk, body, 'repeat-1').expect(201);
        expect(repeat.headers['idempotent-replayed']).toBe('true');
        expect(repeat.body).toEqual(first.body);
      }
      expect(await counter('2020-09-07')).toBe(before);
      const next = await receive(clerk, body, 'repeat-2').expect(201);
      expect(next.body.code).toBe(`${CENTRE_CODE}-200907-${String((before as number) + 1).padStart(4, '0')}`);
    });

    it('a repeated key on another day is refused as a different request, and takes no number of that day either', async () => {
      const clerk = await subject.token('clerk', [CENTRE], 'clerk-midnight');
      await receive(clerk, receipt(CENTRE, '2020-09-08T16:59:00Z'), 'midnight').expect(201);
      const refused = await receive(clerk, receipt(CENTRE, '2020-09-09T01:00:00Z'), 'midnight').expect(422);
      expect(refused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await counter('2020-09-09')).toBeUndefined();
    });

    it('a retry of a receipt whose first attempt failed after taking a number of another day gets a number of its own day', async () => {
      const clerk = await subject.token('clerk', [CENTRE], 'clerk-retry');
      const dossierId = idFromKey(
        {
          principal: {
            subject: 'clerk-retry',
            name: 'Tài khoản thử clerk-retry',
            kind: 'person',
            roles: [{ role: 'clerk', unitId: CENTRE }],
            via: 'token',
          },
          correlationId: 'x',
          idempotencyKey: 'retry-1',
        },
        'dossier',
      );
      // what a first attempt leaves when its append fails: a number recorded for the dossier, no dossier
      await subject.database.pool.query(
        "INSERT INTO intake.issued_codes (unit_code, local_day, sequence, dossier_id) VALUES ($1, '2020-09-10', 4321, $2)",
        [CENTRE_CODE, dossierId],
      );
      const response = await receive(clerk, receipt(CENTRE, '2020-09-11T02:00:00Z'), 'retry-1').expect(201);
      expect(response.body.id).toBe(dossierId);
      expect(response.body.code).toBe(`${CENTRE_CODE}-200911-0001`);
    });
  });

  describe('past the last number of a day (9,999)', () => {
    it('refuses a new receipt with 409 naming the unit and the day, records nothing, and still answers repeats', async () => {
      const clerk = await subject.token('clerk', [CENTRE], 'clerk-busy');
      const body = receipt(CENTRE, '2020-09-14T02:00:00Z');
      const acknowledged = await receive(clerk, body, 'busy-1').expect(201);
      await subject.database.pool.query(
        "UPDATE intake.dossier_code_counters SET last_sequence = 9999 WHERE unit_code = $1 AND local_day = '2020-09-14'",
        [CENTRE_CODE],
      );
      const events = async () =>
        Number((await subject.database.pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);
      const before = await events();
      const refused = await receive(clerk, body, 'busy-2').expect(409);
      expect(refused.body).toMatchObject({
        statusCode: 409,
        code: 'DAILY_SEQUENCE_EXHAUSTED',
        field: 'receivingUnitId',
        unitId: CENTRE,
        day: '2020-09-14',
      });
      expect(refused.body.message).toContain('9999');
      expect(refused.body.message).toContain('14/09/2020');
      await receive(clerk, body).expect(409);
      expect(await events()).toBe(before);
      expect(await counter('2020-09-14')).toBe(9999);
      const repeat = await receive(clerk, body, 'busy-1').expect(201);
      expect(repeat.body).toEqual(acknowledged.body);
      await receive(clerk, receipt(CENTRE, '2020-09-15T02:00:00Z'), 'busy-3').expect(201);
    });
  });

  describe("another unit's dossiers", () => {
    let dossier: { id: string; code: string };
    let otherClerk: string;
    beforeAll(async () => {
      const created = await receive(
        await subject.token('clerk', [CENTRE], 'clerk-a'),
        receipt(CENTRE, '2020-09-16T02:00:00Z'),
      ).expect(201);
      dossier = created.body;
      otherClerk = await subject.token('clerk', [HUE_CITY], 'clerk-b');
    });

    it('answers 404, exactly as for a dossier that does not exist, so ids and codes cannot be enumerated', async () => {
      const unknown = { id: '00000000-0000-4000-8000-000000000000', code: `${CENTRE_CODE}-200916-0999` };
      for (const target of [dossier, unknown]) {
        const reads = [
          http().get(`/api/v1/dossiers/${target.id}`),
          http().get(`/api/v1/dossiers/${target.id}/history`),
          http().get('/api/v1/dossiers').query({ code: target.code }),
          http().post(`/api/v1/dossiers/${target.id}/withdraw`).send({ reason: 'x', at: '2020-09-16T03:00:00Z' }),
        ];
        for (const call of reads) {
          const response = await call.set('Authorization', `Bearer ${otherClerk}`);
          expect([response.status, response.body.code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
        }
      }
    });

    it('still shows it to an auditor, who may not change it (403)', async () => {
      const auditor = await subject.token('auditor');
      await http().get(`/api/v1/dossiers/${dossier.id}`).set('Authorization', `Bearer ${auditor}`).expect(200);
      await http()
        .post(`/api/v1/dossiers/${dossier.id}/withdraw`)
        .set('Authorization', `Bearer ${auditor}`)
        .send({ reason: 'x' })
        .expect(403);
    });
  });

  describe('an idempotent replay is authorised first', () => {
    /** The account's clerk grants end today and a clerk grant for `unitId` starts today: a clerk moved to another unit. */
    const moveClerk = async (username: string, unitId: string) => {
      const accounts = subject.app.get(AccountsService);
      for (const grant of (await accounts.view(username)).grants)
        await accounts.revoke(username, grant.grantId, undefined, SYSTEM_ACTOR);
      await accounts.grant(username, { role: 'clerk', unitId }, SYSTEM_ACTOR);
    };

    it('never hands the first answer to the same account once it no longer acts for the unit (same account, same key)', async () => {
      // Idempotency keys are per account: the same account and key after a move to another unit (same token too).
      const clerk = await subject.token('clerk', [CENTRE], 'clerk-moving');
      const created = await receive(clerk, receipt(CENTRE, '2020-09-17T02:00:00Z'), 'shared-key').expect(201);
      const withdraw = { reason: 'Công dân rút hồ sơ', at: '2020-09-17T03:00:00Z' };
      const path = `/api/v1/dossiers/${created.body.id}/withdraw`;
      await http()
        .post(path)
        .set('Authorization', `Bearer ${clerk}`)
        .set('Idempotency-Key', 'withdraw-key')
        .send(withdraw)
        .expect(200);

      await moveClerk('clerk-moving', HUE_CITY);
      const replayedToB = await http()
        .post(path)
        .set('Authorization', `Bearer ${clerk}`)
        .set('Idempotency-Key', 'withdraw-key')
        .send(withdraw);
      expect([replayedToB.status, replayedToB.body.code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
      const receiptAsB = await receive(clerk, receipt(CENTRE, '2020-09-17T02:00:00Z'), 'shared-key');
      expect(receiptAsB.status).toBe(403);
      const ownUnitAsB = await receive(clerk, receipt(HUE_CITY, '2020-09-17T02:00:00Z'), 'shared-key');
      expect([ownUnitAsB.status, ownUnitAsB.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
      expect(JSON.stringify(ownUnitAsB.body)).not.toContain(created.body.id);

      // back at unit A, the clerk gets the first answers back
      await moveClerk('clerk-moving', CENTRE);
      const again = await http()
        .post(path)
        .set('Authorization', `Bearer ${clerk}`)
        .set('Idempotency-Key', 'withdraw-key')
        .send(withdraw)
        .expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });
  });
});
