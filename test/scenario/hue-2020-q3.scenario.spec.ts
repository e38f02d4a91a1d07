import request from 'supertest';
import { ProjectorService } from '@app/projector';
import { HUE_2020_Q3 } from '../../scripts/scenario/hue-2020-q3.scenario';
import { simulate } from '../../scripts/scenario/simulate';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The whole pipeline at full scale: ~71,000 dossiers of the Huế Q3-2020 scenario recorded through the intake's
 * command bus, projected, and reported — the source report's sentences must come out word for word.
 */
describe('the Huế Q3-2020 scenario reproduces the source report from events', () => {
  let subject: TestApp;
  let auditor: string;
  const figures = (query: Record<string, string>) =>
    request(subject.app.getHttpServer())
      .get('/api/v1/reports/dossier-figures')
      .query({ from: '2020-06-10', to: '2020-09-04', ...query })
      .set('Authorization', `Bearer ${auditor}`)
      .expect(200);

  beforeAll(async () => {
    subject = await createTestApp({ DATABASE_POOL_SIZE: '30' });
    auditor = await subject.token('auditor');
    const report = await simulate(subject.app, { definition: HUE_2020_Q3, seed: 1 });
    expect(report.dossiers).toBe(71_433);
    await subject.app.get(ProjectorService).projector.caughtUp();
  }, 900_000);
  afterAll(() => subject.close());

  it('says, for the provincial centre, word for word what the report says', async () => {
    const text = (await figures({ level: 'province', format: 'text' })).text;
    expect(text).toContain(
      'Từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 26.286 hồ sơ; ' +
        'đã giải quyết 22.174 hồ sơ; trong đó, đã giải quyết trước hẹn 16.305 hồ sơ (đạt tỷ lệ 73,5%), đúng hẹn ' +
        '4.765 hồ sơ (đạt tỷ lệ 21,5%), trễ hẹn 1.104 hồ sơ (tỷ lệ 5%); đang giải quyết 4.111 hồ sơ.',
    );
  });

  it('gives the whole paragraph of § II.3.b by level, and the postal sentence', async () => {
    const text = (await figures({ level: 'province,district', groupBy: 'level', format: 'text' })).text;
    expect(text).toContain(
      'Từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 26.286 hồ sơ; ' +
        'đã giải quyết 22.174 hồ sơ; trong đó, đã giải quyết trước hẹn 16.305 hồ sơ (đạt tỷ lệ 73,5%), đúng hẹn ' +
        '4.765 hồ sơ (đạt tỷ lệ 21,5%), trễ hẹn 1.104 hồ sơ (tỷ lệ 5%); đang giải quyết 4.111 hồ sơ. ' +
        'Tại các Trung tâm Hành chính công cấp huyện đã tiếp nhận 41.085 hồ sơ; đã giải quyết 33.445 hồ sơ; trong đó, ' +
        'đã giải quyết trước hẹn 23.060 hồ sơ (đạt tỷ lệ 68,9%), đúng hẹn 8.522 hồ sơ (đạt tỷ lệ 25,5%), trễ hẹn ' +
        '1.863 hồ sơ (tỷ lệ 5,6%); đang giải quyết 6.503 hồ sơ.',
    );
    expect(text).toContain(
      'Về tiếp nhận hồ sơ TTHC qua dịch vụ bưu chính công ích, từ ngày 10/6/2020 đến ngày 04/9/2020, tại Trung tâm ' +
        'Phục vụ hành chính công tỉnh đã tiếp nhận 1.940 hồ sơ; tại các Trung tâm Hành chính công cấp huyện đã tiếp nhận 4.774 hồ sơ.',
    );
  });

  it('gets the same figures by replaying the event log as from the read models', async () => {
    const query = { level: 'province,district', groupBy: 'level', format: 'json' };
    const fromReadModels = (await figures({ ...query, source: 'read-model' })).body;
    const fromReplay = (await figures({ ...query, source: 'replay' })).body;
    expect(fromReplay.source).toBe('replay');
    expect(fromReplay.eventsReplayed).toBeGreaterThan(71_433);
    expect(fromReplay.groups.map((g: { figures: unknown }) => g.figures)).toEqual(
      fromReadModels.groups.map((g: { figures: unknown }) => g.figures),
    );
  });

  it('balances both lines to zero, with every bucket named', async () => {
    const report = (await figures({ level: 'province,district', groupBy: 'level', format: 'json' })).body;
    for (const group of report.groups) {
      const r = group.figures.reconciliation;
      expect(r.difference).toBe(0);
      expect(r.carriedOver + r.received).toBe(
        r.resolved + r.inProgress + r.withdrawn + r.stopped + r.waitingSupplement + r.waitingFinancialObligation,
      );
    }
    const district = report.groups[1].figures.reconciliation;
    // the report's district line leaves 41.085 − 33.445 − 6.503 = 1.137 dossiers (plus what was carried over) elsewhere
    expect(
      district.withdrawn +
        district.stopped +
        district.waitingSupplement +
        district.waitingFinancialObligation -
        district.carriedOver,
    ).toBe(1_137);
    const text = (await figures({ level: 'province,district', groupBy: 'level', format: 'text' })).text;
    for (const bucket of [
      'kỳ trước chuyển sang',
      'rút hồ sơ',
      'dừng xử lý',
      'chờ bổ sung hồ sơ',
      'chờ thực hiện nghĩa vụ tài chính',
      'chênh lệch 0 hồ sơ',
    ]) {
      expect(text).toContain(bucket);
    }
  });
});
