/** Test helpers (jest, benchmarks): import from '@app/read-models/testing', never from production code. */
export { appendHistories, type History, toNewEvent } from './append-histories';
export { type AppendedLog, appendLog, chronologicalLog, type LogDay } from './chronological-log';
export { MinHeap } from './heap';
export { type GeneratedHistory, type HistoryScript, historyScriptArb, runHistory } from './histories';
export {
  appendAndProject,
  counterChanges,
  type CounterChanges,
  dailyCounters,
  dossierRow,
  projectPending,
} from './projection-harness';
export { readModelSnapshot } from './read-model-snapshot';
export { createReadModelTestKit, type ReadModelTestKit } from './read-model-test-kit';
export { dossierUuid, type GeneratedDossier, generateWorkload, type WorkloadOptions } from './workload';
