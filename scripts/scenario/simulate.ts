import type { INestApplicationContext } from '@nestjs/common';
import { DossierCommands } from '@app/intake';
import { ReferenceDataService } from '@app/reference-data';
import { type ExecutionReport, executeScripts } from './executor';
import { planScenario } from './plan-scenario';
import { type ScenarioDefinition, scaled } from './scenario-definition';

export interface SimulationOptions {
  definition: ScenarioDefinition;
  seed?: number;
  scale?: number;
  concurrency?: number;
  onProgress?: (done: number, total: number, commands: number) => void;
}

/** Plans the scenario against the reference data in force, then drives it through the intake's command bus. */
export async function simulate(
  app: INestApplicationContext,
  options: SimulationOptions,
): Promise<ExecutionReport & { planned: number; definition: ScenarioDefinition }> {
  const definition = scaled(options.definition, options.scale ?? 1);
  const reference = await app.get(ReferenceDataService).snapshot();
  const scripts = planScenario(definition, options.seed ?? 1, reference.calendar, reference.procedures);
  const report = await executeScripts(app.get(DossierCommands), scripts, {
    concurrency: options.concurrency,
    onProgress: options.onProgress,
  });
  return { ...report, planned: scripts.length, definition };
}
