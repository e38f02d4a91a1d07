import { DOSSIER_ACTIONS, type DossierAction, type DossierCommands, type RequestContext } from '@app/intake';
import type { Principal } from '@app/platform';
import type { DossierScript } from './dossier-script';
import { syntheticApplicant } from './synthetic-applicant';

export interface ExecutionReport {
  dossiers: number;
  commands: number;
  replayed: number;
  seconds: number;
}

/** The scenario's recorder: the system itself acting for every unit (it drives the commands in process, no sign-in). */
const SIMULATOR: Principal = {
  subject: 'simulator',
  name: 'Mô phỏng số liệu Quý III/2020',
  kind: 'service',
  roles: [{ role: 'admin', unitId: '*' }],
  via: 'system',
};

/**
 * Drives planned dossiers through the intake's commands — the same DossierCommands the HTTP API uses: validation
 * of units and procedures, decide, append with expected versions. Each command carries an idempotency key
 * derived from the script, so running the same scenario twice records nothing new. The due dates the system
 * gives are checked against the plan (a mismatch means the plan's calendar is not the system's).
 */
export async function executeScripts(
  intake: DossierCommands,
  scripts: readonly DossierScript[],
  options: { concurrency?: number; onProgress?: (done: number, total: number, commands: number) => void } = {},
): Promise<ExecutionReport> {
  const started = Date.now();
  let next = 0;
  let done = 0;
  let commands = 0;
  let replayed = 0;
  const timer = setInterval(() => options.onProgress?.(done, scripts.length, commands), 1000);
  const worker = async (): Promise<void> => {
    while (next < scripts.length) {
      const script = scripts[next++] as DossierScript;
      const result = await runScript(intake, script);
      commands += result.commands;
      replayed += result.replayed;
      done++;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 24 }, worker));
  } finally {
    clearInterval(timer);
  }
  options.onProgress?.(done, scripts.length, commands);
  return { dossiers: done, commands, replayed, seconds: (Date.now() - started) / 1000 };
}

async function runScript(
  intake: DossierCommands,
  script: DossierScript,
): Promise<{ commands: number; replayed: number }> {
  const context = (step: string): RequestContext => ({
    principal: SIMULATOR,
    correlationId: script.key,
    idempotencyKey: `${script.key}:${step}`,
  });
  const receipt = await intake.receive(
    {
      procedureCode: script.procedureCode,
      receivingUnitId: script.unitId,
      channel: script.channel,
      receivedAt: script.receivedAt,
      applicant: syntheticApplicant(script.key),
    },
    context('receive'),
  );
  if (receipt.view.dueDate !== script.dueDate) {
    throw new Error(
      `${script.key}: the system gave due date ${receipt.view.dueDate}, the plan expected ${script.dueDate}`,
    );
  }
  let replayed = receipt.replayed ? 1 : 0;
  for (const [index, step] of script.steps.entries()) {
    const action = DOSSIER_ACTIONS[step.action] as DossierAction<never>;
    const outcome = await intake.act(receipt.view.id, action, { ...step.body, at: step.at }, context(String(index)));
    if (step.action === 'receiveSupplement' && outcome.view.dueDate !== step.expectDueDate) {
      throw new Error(
        `${script.key}: after the supplement the system gave due date ${outcome.view.dueDate}, the plan expected ${step.expectDueDate}`,
      );
    }
    if (outcome.replayed) replayed++;
  }
  return { commands: 1 + script.steps.length, replayed };
}
