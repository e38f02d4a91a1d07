/**
 * The EventStore port: what the rest of the system may ask of the event log. Two adapters implement it
 * (PostgreSQL, the default, and KurrentDB); one contract test suite holds them to the same behaviour.
 *
 * Positions are JS numbers: stream positions start at 1 (the stream version is the position of its last event,
 * 0 when the stream does not exist); global positions are safe integers (< 2^53).
 */

/** Who did it, for which unit, as part of what; copied into every event of an append. */
export interface EventMetadata {
  actor?: string;
  unit?: string;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}

/** The business time of the fact (ISO-8601 instant) travels in the payload; the store records its own clock too. */
export interface EventData {
  occurredAt: string;
  [key: string]: unknown;
}

export interface NewEvent {
  type: string;
  schemaVersion: number;
  data: EventData;
  metadata?: EventMetadata;
}

export interface RecordedEvent {
  /** Order of insertion (a sequence); NOT the delivery order of the global log, see `Checkpoint`. */
  globalPosition: number;
  streamId: string;
  /** 1-based, contiguous within the stream. */
  streamPosition: number;
  type: string;
  schemaVersion: number;
  data: EventData;
  metadata: EventMetadata;
  /** When the store recorded the event (PostgreSQL: clock_timestamp() at insert, just before commit). */
  recordedAt: Date;
  /** The writing transaction (PostgreSQL xid8 as decimal text; KurrentDB: commit position). */
  transactionId: string;
  /** Link of the per-stream hash chain (see README "Hash chain"). */
  hash: string;
  prevHash: string | null;
}

/**
 * An event's place and payload without its audit fields (metadata, recording time, hash links): all a fold over the
 * log needs, read at a fraction of the cost (see EventStore.readAllPayloads).
 */
export type EventPayload = Pick<
  RecordedEvent,
  'globalPosition' | 'streamId' | 'streamPosition' | 'type' | 'schemaVersion' | 'data' | 'transactionId'
> & {
  /**
   * Who caused it (`metadata.actor`, null when not recorded): the one audit field a projection reads (the dossier row's
   * `received_by`). Set on readAllPayloads' pages; a RecordedEvent carries it in its metadata (see actorOf).
   */
  actor?: string | null;
};

/** `number` = the exact stream version (0 = the stream does not exist yet, same as 'no_stream'). */
export type ExpectedVersion = 'any' | 'no_stream' | 'exists' | number;

export interface AppendResult {
  streamId: string;
  /** The stream version after the append: pass it as `expectedVersion` next time. */
  nextExpectedVersion: number;
  events: RecordedEvent[];
  /** True when the idempotency key had been seen: the original result is returned, nothing was appended. */
  duplicate: boolean;
}

/**
 * A position in the global log, in delivery order: (transactionId, globalPosition). Readers resume strictly after
 * it. Compare with `compareCheckpoints`, never with globalPosition alone.
 */
export interface Checkpoint {
  transactionId: string;
  globalPosition: number;
}

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  idempotencyKey?: string;
}

export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedVersion?: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** First stream position to return (inclusive, default 1). */
  fromVersion?: number;
  /** Last stream position to return (inclusive). */
  toVersion?: number;
  /** Only events recorded at or before this instant: the stream "as known at T". */
  recordedUpTo?: Date;
}

export interface ReadAllOptions {
  /** Exclusive; default START. */
  after?: Checkpoint;
  /** Page size (default 1000). */
  limit?: number;
  recordedUpTo?: Date;
  /** Only these event types (the checkpoint still moves past the others). */
  types?: string[];
}

export interface ReadAllPage<E = RecordedEvent> {
  events: E[];
  /** Where the next page starts; equal to `after` when nothing new is readable yet. */
  checkpoint: Checkpoint;
}

export interface SubscribeOptions {
  from: Checkpoint;
  batchSize?: number;
  /**
   * Live: after a wake-up, wait this long before reading, so that the events of many commits arrive as one batch
   * (fewer, larger batches for the handler; each event up to this much later). Default 0.
   */
  coalesceMs?: number;
  types?: string[];
  /** Called with each batch, in order; the subscription waits for it. A throw stops the subscription. */
  handle: (events: RecordedEvent[], checkpoint: Checkpoint) => Promise<void>;
  /**
   * A read of the log failed (database or server unreachable…): the subscription reads again after a pause (0.5 s,
   * doubling up to 5 s), for ever. `attempts` counts the failures in a row. Without it a failing read is silent.
   */
  onReadError?: (error: unknown, attempts: number) => void;
  /** A read succeeded after `attempts` failed ones. */
  onReadRecovered?: (attempts: number) => void;
}

export interface Subscription {
  /** The checkpoint after the last batch handled. */
  readonly checkpoint: Checkpoint;
  /** Resolves once everything readable when called has been handled. */
  caughtUp(): Promise<void>;
  /** Stops after the batch in flight; resolves when stopped. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop(), rejects with the handler's error. */
  readonly done: Promise<void>;
}

export type ChainProblemKind = 'altered' | 'missing' | 'reordered' | 'hash_mismatch';

export interface ChainProblem {
  streamId: string;
  streamPosition: number;
  kind: ChainProblemKind;
  detail: string;
}

export interface VerificationReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** The first broken link of each broken stream, in stream id order. */
  problems: ChainProblem[];
}

/** A seal over a range of the global log, exported to be kept elsewhere and compared later. */
export interface SealExport {
  format: 'dossier-tracker/event-store-seal@1';
  algorithm: 'sha256';
  sealNumber: number;
  /** Exclusive lower bound (the previous seal's upTo, or START). */
  after: Checkpoint;
  /** Inclusive upper bound. */
  upTo: Checkpoint;
  eventCount: number;
  prevSealHash: string | null;
  sealHash: string;
  createdAt: string;
}

export interface SealVerification {
  ok: boolean;
  sealNumber: number;
  eventCount: number;
  expectedHash: string;
  recomputedHash: string;
  /** What differs, in words; empty when ok. */
  problems: string[];
}

/** What `verifyLog` found wrong, in words a user understands; `where` places it as precisely as is known. */
export type IntegrityProblemKind =
  | ChainProblemKind
  /** A sealed range no longer gives its seal (events removed, added, re-dated or moved in it). */
  | 'seal_broken'
  /** The chain of seals itself is broken (a seal missing, altered, or not following the previous one). */
  | 'seal_chain'
  /** A record outside the log proves events existed that are gone (a consumer's checkpoint, an idempotency key). */
  | 'witness';

export interface IntegrityProblem {
  kind: IntegrityProblemKind;
  /** The stream and position when known (chain problems, witnesses naming a stream). */
  streamId?: string;
  streamPosition?: number;
  /** The seal concerned (seal problems). */
  sealNumber?: number;
  detail: string;
}

/** The whole log checked: chains and heads, the chain of seals and each sealed range, and the witnesses. */
export interface LogVerification {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  sealsChecked: number;
  /** The newest seal, if any; events after it are protected by the chains and the witnesses only. */
  lastSeal: SealExport | null;
  /** Events recorded after the last seal (all of them when there is no seal). */
  unsealedEvents: number;
  /** In the order a reader should see them: the first is the first broken link. */
  problems: IntegrityProblem[];
  /** Not proof of tampering, worth a look (e.g. a recording time out of line in the unsealed tail). */
  warnings: string[];
  seconds: number;
}

export interface VerifyLogOptions {
  /** Called now and then with the events checked so far and the total. */
  onProgress?: (eventsChecked: number, eventsTotal: number) => void;
  /** Worker threads for the PostgreSQL scan (default: 1 for a small log, else one per core, at most 4). */
  workers?: number;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Several streams in one transaction: all appended or none. */
  appendToStreams(appends: StreamAppend[], options?: { idempotencyKey?: string }): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current version of a stream (0 when it does not exist). */
  streamVersion(streamId: string): Promise<number>;
  /** A gap-safe page of the global log: never passes an event that a slower transaction may still commit. */
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  /** The same pages as readAll, each event without its audit fields: for whole-log folds such as the auditor's replay. */
  readAllPayloads(options?: ReadAllOptions): Promise<ReadAllPage<EventPayload>>;
  /** Catch-up (pages) then live (notification, polling fallback) from a checkpoint. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Walks every stream's hash chain (or one stream's). */
  verify(options?: { streamId?: string }): Promise<VerificationReport>;
  /**
   * The whole log: every chain against its head, the chain of seals, each sealed range recomputed, and what other
   * records of the store witness (consumers' checkpoints, idempotency keys). See docs/integrity.md. The KurrentDB
   * adapter checks chains and seals only (it keeps no heads, checkpoints or keys of its own to compare with).
   */
  verifyLog(options?: VerifyLogOptions): Promise<LogVerification>;
  /**
   * Seals the global log from the previous seal up to `upTo` (default: everything readable now, at most `maxEvents`
   * events when given).
   */
  seal(options?: { upTo?: Checkpoint; maxEvents?: number }): Promise<SealExport>;
  /** Every seal taken, oldest first. */
  listSeals(): Promise<SealExport[]>;
  /** Recomputes an exported seal from the log and compares. */
  verifySeal(exported: SealExport): Promise<SealVerification>;
  close(): Promise<void>;
}
