import type { INestApplicationContext } from '@nestjs/common';
import { DOSSIER_ACTIONS, type DossierAction, DossierCommands, type RequestContext } from '@app/intake';
import { formatDate } from '@app/domain';
import type { Database, Principal } from '@app/platform';
import { syntheticApplicant } from '../scenario/synthetic-applicant';

/** The back office catching up: entries dated inside the quarter, recorded after its report was filed. */
const BACK_OFFICE: Principal = {
  subject: 'demo-back-office',
  name: 'Bộ phận Một cửa (nhập bổ sung)',
  kind: 'service',
  roles: [{ role: 'admin', unitId: '*' }],
  via: 'system',
};

const context = (step: string): RequestContext => ({
  principal: BACK_OFFICE,
  correlationId: 'demo-late-entries',
  idempotencyKey: `demo-late:${step}`,
});

interface Candidate {
  dossier_id: string;
  code: string;
  procedure_code: string;
  receiving_unit_id: string;
}

/** A few dossiers of a unit, chosen by code (the same on every run of the same scenario). */
async function dossiers(database: Database, unit: string, where: string, limit: number): Promise<Candidate[]> {
  const { rows } = await database.pool.query<Candidate>(
    `SELECT dossier_id, code, procedure_code, receiving_unit_id FROM read_models.dossiers
     WHERE receiving_unit_id = $1 AND ${where} ORDER BY code LIMIT ${limit}`,
    [unit],
  );
  return rows;
}

/**
 * Seven late entries, as happen in real centres: three dossiers received at the counter in August but entered only
 * now (back-office entries), two results recorded on 2/9 for dossiers the filed report counted in progress, and two
 * receipts whose channel is corrected (counter → online). Each carries an idempotency key.
 */
export async function recordLateEntries(app: INestApplicationContext, database: Database): Promise<string[]> {
  const intake = app.get(DossierCommands);
  const done: string[] = [];
  const units = ['tth-pvhcc', 'tth-hcc-hue'];
  for (const [i, unit] of units.entries()) {
    const [model] = await dossiers(database, unit, `received_on BETWEEN '2020-08-01' AND '2020-08-31'`, 1);
    if (!model) continue;
    for (const day of i === 0 ? ['2020-08-20', '2020-08-27'] : ['2020-08-24']) {
      const receipt = await intake.receive(
        {
          procedureCode: model.procedure_code,
          receivingUnitId: unit,
          channel: 'counter',
          receivedAt: `${day}T09:30:00+07:00`,
          applicant: syntheticApplicant(`demo-late-${unit}-${day}`),
        },
        context(`receive:${unit}:${day}`),
      );
      done.push(`tiếp nhận ${receipt.view.code} (ngày ${formatDate(day)}, nhập bổ sung)`);
    }
  }
  const recordResult = DOSSIER_ACTIONS.recordResult as DossierAction<never>;
  for (const d of await dossiers(
    database,
    'tth-pvhcc',
    `status = 'in_progress' AND last_event_at < '2020-09-01T00:00:00+07:00' AND received_on >= '2020-08-01'`,
    2,
  )) {
    await intake.act(
      d.dossier_id,
      recordResult,
      { outcome: 'approved', at: '2020-09-02T10:00:00+07:00' } as never,
      context(`result:${d.code}`),
    );
    done.push(`có kết quả ${d.code} (ngày 02/9/2020, ghi nhận muộn)`);
  }
  const correct = DOSSIER_ACTIONS.correct as DossierAction<never>;
  for (const d of await dossiers(
    database,
    'tth-hcc-hue',
    `channel = 'counter' AND received_on BETWEEN '2020-07-01' AND '2020-07-31'`,
    2,
  )) {
    await intake.act(
      d.dossier_id,
      correct,
      { changes: { channel: 'online' }, reason: 'Nhập nhầm kênh tiếp nhận: hồ sơ nộp trực tuyến' } as never,
      context(`correct:${d.code}`),
    );
    done.push(`đính chính ${d.code}: kênh trực tiếp → trực tuyến`);
  }
  return done;
}
