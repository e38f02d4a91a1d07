import request from 'supertest';
import { ProjectorService } from '@app/projector';
import { HUE_2020_Q3 } from '../../scripts/scenario/hue-2020-q3.scenario';
import { type ScenarioDefinition, receivedTotal, scaled } from '../../scripts/scenario/scenario-definition';
import { simulate } from '../../scripts/scenario/simulate';
import { createTestApp, type TestApp } from '../support/test-app';

/** The report follows the scenario's targets — change one and the printed figures change — so nothing is typed in. */
describe('calibration targets drive the report', () => {
  const SCALE = 0.02;

  async function reportFor(
    definition: ScenarioDefinition,
  ): Promise<{ text: string; json: { groups: { figures: Record<string, Record<string, number>> }[] } }> {
    const subject: TestApp = await createTestApp();
    try {
      await simulate(subject.app, { definition, seed: 7, scale: SCALE });
      await subject.app.get(ProjectorService).projector.caughtUp();
      const auditor = await subject.token('auditor');
      const get = (format: string) =>
        request(subject.app.getHttpServer())
          .get('/api/v1/reports/dossier-figures')
          .query({ from: '2020-06-10', to: '2020-09-04', level: 'province,district', groupBy: 'level', format })
          .set('Authorization', `Bearer ${auditor}`)
          .expect(200);
      return { text: (await get('text')).text, json: (await get('json')).body };
    } finally {
      await subject.close();
    }
  }

  it('prints what the (scaled) targets say, and follows a changed target', async () => {
    const changed: ScenarioDefinition = {
      ...HUE_2020_Q3,
      lines: HUE_2020_Q3.lines.map((line, i) =>
        i === 0 ? { ...line, resolved: { ...line.resolved, late: line.resolved.late + 1000 } } : line,
      ),
    };
    const [base, modified] = [await reportFor(HUE_2020_Q3), await reportFor(changed)];
    const targets = scaled(HUE_2020_Q3, SCALE).lines[0]!;
    const changedTargets = scaled(changed, SCALE).lines[0]!;
    expect(changedTargets.resolved.late).toBe(targets.resolved.late + 20);

    const province = (r: typeof base) => r.json.groups[0]!.figures;
    expect(province(base).resolved).toMatchObject({
      early: targets.resolved.early,
      onTime: targets.resolved.onTime,
      late: targets.resolved.late,
    });
    expect(province(modified).resolved).toMatchObject({
      early: targets.resolved.early,
      onTime: targets.resolved.onTime,
      late: changedTargets.resolved.late,
    });
    expect(province(base).received!.total).toBe(receivedTotal(targets));
    expect(province(modified).received!.total).toBe(receivedTotal(changedTargets));
    expect(base.text).toContain(`trễ hẹn ${targets.resolved.late} hồ sơ`);
    expect(modified.text).toContain(`trễ hẹn ${changedTargets.resolved.late} hồ sơ`);
    expect(modified.text).not.toEqual(base.text);
  }, 600_000);
});
