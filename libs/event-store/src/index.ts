export {
  type AppendOptions,
  type AppendResult,
  type ChainProblem,
  type ChainProblemKind,
  type Checkpoint,
  type EventData,
  type EventMetadata,
  type EventPayload,
  type EventStore,
  type ExpectedVersion,
  type IntegrityProblem,
  type IntegrityProblemKind,
  type LogVerification,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type RecordedEvent,
  type SealExport,
  type SealVerification,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
  type VerificationReport,
  type VerifyLogOptions,
} from './event-store.port';
export {
  EventStoreClosedError,
  EventStoreError,
  type EventStoreErrorCode,
  InvalidEventError,
  isEventStoreError,
  isWrongExpectedVersion,
  WrongExpectedVersionError,
} from './errors';
export { checkpointOf, compareCheckpoints, isCheckpoint, START } from './checkpoint';
export { actorOf, payloadOf } from './event-payload';
export { canonicalJson } from './hash/canonical-json';
export { contentDigest, chainLink, eventHash, type HashedFields } from './hash/event-hash';
export { SEAL_FORMAT } from './hash/seal-hash';
export { EVENT_STORE_MIGRATIONS } from './postgres/migrations';
export { EXPORT_FORMAT, type ExportOptions } from './postgres/export/export-format';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { loadCheckpoint, saveCheckpoint, deleteCheckpoint } from './postgres/checkpoints';
export type { Queryable } from './postgres/queryable';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
export { createEventStore, eventStoreConfigOf, type EventStoreConfig } from './create-event-store';
export { EventStoreModule, EVENT_STORE } from './event-store.module';
export {
  CheckpointedProcessor,
  type CheckpointedProcessorOptions,
  type ProcessorLag,
  type ProcessorLog,
  type ProcessorState,
  type ProcessorStatus,
} from './processor/checkpointed-processor';
export type { FollowerRun, LogFollower, RunContext } from './processor/log-follower';
export { ProcessorMetrics } from './processor/processor-metrics';
export { Sealer, type SealerOptions } from './sealer/sealer';
export { SealerModule, SealerService, SEAL_MAX_EVENTS } from './sealer/sealer.module';
export type { SealPolicy } from './postgres/seal';
export type { SealStatus } from './postgres/seal-status';
export {
  handleCommand,
  type CommandOptions,
  type DecidedEvent,
  type Handled,
  type StreamFold,
} from './command/handle-command';
export { ConcurrentModificationError, IdempotencyKeyReusedError, VersionMismatchError } from './command/command-errors';
export { HostedFollower } from './processor/hosted-follower';
