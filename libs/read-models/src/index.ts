export { READ_MODEL_MIGRATIONS } from './schema/read-model-migrations';
export {
  CheckpointGapError,
  type Generation,
  GenerationChangedError,
  type GenerationStatus,
  generationTable,
  READ_MODEL_TABLES,
  type ReadModelTable,
} from './generations/generation';
export {
  activateGeneration,
  activeGeneration,
  buildingGeneration,
  createBuildingGeneration,
  discardBuildingGeneration,
  dropRetiredGenerations,
  generationById,
  indexGeneration,
  listGenerations,
  lockGeneration,
  saveGenerationCheckpoint,
} from './generations/generation-repository';
export {
  type Measure,
  MEASURE_COUNT,
  measureIndex,
  MEASURES,
  type MeasureVector,
  OPEN_MEASURES,
  zeroVector,
} from './projection/measures';
export { BEGINNING_OF_TIME, changeDays, measuresAt, type Step, stepsOf } from './projection/record-steps';
export {
  CounterDeltas,
  type Grain,
  periodsOf,
  type UnitCounterDelta,
  type UnitProcedureCounterDelta,
} from './projection/counter-deltas';
export { type DossierChange, projectDossier, type StoredDossier } from './projection/dossier-projection';
export {
  DOSSIER_COLUMNS,
  dossierRow,
  type DossierRow,
  RECORD_COLUMNS,
  recordFromRow,
  type StoredRow,
} from './projection/dossier-row';
export { applyBatch, type BatchOptions, type BatchResult, writePreparedBatch } from './projection/apply-batch';
export {
  Projector,
  PROJECTOR_LOCK,
  type ProjectorLag,
  type ProjectorOptions,
  type ProjectorState,
  type ProjectorStatus,
} from './projector/projector';
export {
  REBUILD_LOCK,
  RebuildInProgressError,
  type RebuildOptions,
  type RebuildProgress,
  rebuildReadModels,
  type RebuildReport,
} from './rebuild/rebuild';
export { PartitionCountMismatchError } from './rebuild/partitioned/partition-state';
export { UnitRouter } from './rebuild/partitioned/unit-router';
export { figuresFromMeasures, type MeasuresAtCuts } from './figures/figures-from-measures';
export {
  readModelFigures,
  type ReadModelFiguresQuery,
  readModelPosition,
  type ReadModelReader,
} from './figures/read-model-figures';
export type { QueueFilters, QueueKey, QueueRow, QueueSelection } from './work-queue/queue-selection';
export { queueCounts, queuePage } from './work-queue/work-queue-rows';
export { projectedUpTo } from './work-queue/projected-up-to';
export { DossierView } from './entities/dossier-view.entity';
export { UnitCounter, UnitProcedureCounter } from './entities/counter.entities';
export { GenerationRecord } from './entities/generation.entity';
export { createReadModelDataSource, READ_MODEL_ENTITIES } from './entities/read-model-data-source';
export { type CatchUpOutcome, catchUpReadModels, readModelsCaughtUp, waitForReadModels } from './projector/catch-up';
export { eventsByDossier, freshEvents, prepareBatch, type PreparedBatch } from './projection/prepared-batch';
export { dailyFlows, type FlowPoint, mondayOf, type SeriesInterval } from './dashboard/daily-flows';
export {
  type OverdueCount,
  overdueAtByUnitAndProcedure,
  overdueNowByUnitAndProcedure,
} from './dashboard/overdue-counts';
