import { HUE_2020_Q3 } from './hue-2020-q3.scenario';
import type { ScenarioDefinition } from './scenario-definition';

/** The scenarios `npm run dossier -- simulate --scenario <id>` knows. */
export const SCENARIOS: Record<string, ScenarioDefinition> = { [HUE_2020_Q3.id]: HUE_2020_Q3 };
