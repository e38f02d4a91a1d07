import type { Pool, PoolClient } from 'pg';
import { START } from '../checkpoint';
import { EventStoreClosedError, WrongExpectedVersionError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventPayload,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  LogVerification,
  RecordedEvent,
  SealExport,
  SealVerification,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  VerificationReport,
  VerifyLogOptions,
} from '../event-store.port';
import { startPollingSubscription } from '../subscription/polling-subscription';
import { validateAppends, validateStreamId } from '../validation';
import { appendBatch, prepareRequest, type AppendOutcome, type AppendRequest } from './append-batch';
import { GroupCommitter, type GroupCommitOptions } from './group-commit';
import { originalResults } from './idempotency';
import { PgNotifier } from './notifier';
import { checkpointAt, headCheckpoint } from './positions';
import type { Queryable } from './queryable';
import { readAll, readAllPayloads } from './read-all';
import { readStream, streamVersion } from './read-stream';
import { exportLog } from './export/export-log';
import type { ExportOptions } from './export/export-format';
import { verifyLog } from './integrity/verify-log';
import { listSeals, seal, sealIfDue, type SealPolicy, verifySeal } from './seal';
import { sealByNumber, sealPage, type SealStatus, sealStatus } from './seal-status';
import { verifyChains } from './verify';

export interface PostgresEventStoreOptions {
  pool: Pool;
  /** Coalesce concurrent appends into shared transactions (default on); `false` = one transaction per append. */
  groupCommit?: boolean | Partial<GroupCommitOptions>;
  /** Subscriptions read again after this long without a notification (default 500 ms). */
  pollIntervalMs?: number;
  /** close() also ends the pool (default false: the pool belongs to whoever made it). */
  ownsPool?: boolean;
}

const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { maxInFlight: 2, maxBatchEvents: 2000 };

/** The default adapter: raw `pg`, one round trip per append batch, schema from EVENT_STORE_MIGRATIONS. */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly committer?: GroupCommitter;
  private readonly notifier: PgNotifier;
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;
  private closed = false;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.notifier = new PgNotifier(this.pool);
    if (options.groupCommit !== false) {
      const tuning = options.groupCommit === true || options.groupCommit === undefined ? {} : options.groupCommit;
      this.committer = new GroupCommitter((requests) => appendBatch(this.pool, requests), {
        ...GROUP_COMMIT_DEFAULTS,
        ...tuning,
      });
    }
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const results = await this.appendToStreams([{ streamId, events, expectedVersion: options.expectedVersion }], {
      idempotencyKey: options.idempotencyKey,
    });
    return results.find((r) => r.streamId === streamId) ?? (results[0] as AppendResult);
  }

  async appendToStreams(appends: StreamAppend[], options: { idempotencyKey?: string } = {}): Promise<AppendResult[]> {
    this.ensureOpen();
    validateAppends(appends);
    const request = prepareRequest(appends, options.idempotencyKey);
    const outcome = this.committer
      ? await this.committer.submit(request)
      : ((await appendBatch(this.pool, [request]))[0] as AppendOutcome);
    return this.settle(this.pool, request, outcome);
  }

  /**
   * Appends with the caller's client, inside the caller's transaction: the events commit or roll back with it.
   * (No group commit; notifications are delivered at the caller's commit.)
   */
  async appendToStreamsInTransaction(
    client: PoolClient,
    appends: StreamAppend[],
    options: { idempotencyKey?: string } = {},
  ): Promise<AppendResult[]> {
    this.ensureOpen();
    validateAppends(appends);
    const request = prepareRequest(appends, options.idempotencyKey);
    const outcome = (await appendBatch(client, [request]))[0] as AppendOutcome;
    return this.settle(client, request, outcome);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    validateStreamId(streamId);
    return await readStream(this.pool, streamId, options);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.ensureOpen();
    return streamVersion(this.pool, streamId);
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    this.ensureOpen();
    return readAll(this.pool, options);
  }

  async readAllPayloads(options?: ReadAllOptions): Promise<ReadAllPage<EventPayload>> {
    this.ensureOpen();
    return readAllPayloads(this.pool, options);
  }

  /** PostgreSQL only: the delivery-order checkpoint of the event at a global position (undefined: no such event). */
  async checkpointAt(globalPosition: number): Promise<Checkpoint | undefined> {
    this.ensureOpen();
    return checkpointAt(this.pool, globalPosition);
  }

  /** PostgreSQL only: the checkpoint of the last event a gap-safe reader can read now (START for an empty log). */
  async head(): Promise<Checkpoint> {
    this.ensureOpen();
    return (await headCheckpoint(this.pool)) ?? START;
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const subscription = startPollingSubscription(
      {
        read: (after: Checkpoint, limit: number, types: string[] | undefined) =>
          readAll(this.pool, { after, limit, types }),
        register: (waker) => this.notifier.register(waker),
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async verify(options: { streamId?: string } = {}): Promise<VerificationReport> {
    this.ensureOpen();
    return verifyChains(this.pool, options.streamId);
  }

  async verifyLog(options?: VerifyLogOptions): Promise<LogVerification> {
    this.ensureOpen();
    return verifyLog(this.pool, options);
  }

  async seal(options: { upTo?: Checkpoint; maxEvents?: number } = {}): Promise<SealExport> {
    this.ensureOpen();
    return seal(this.pool, options.upTo, options.maxEvents);
  }

  /** PostgreSQL only: a seal if the policy says one is due (the sealer's step), decided under the seal table's lock. */
  async sealIfDue(policy: SealPolicy): Promise<SealExport | null> {
    this.ensureOpen();
    return sealIfDue(this.pool, policy);
  }

  async listSeals(): Promise<SealExport[]> {
    this.ensureOpen();
    return listSeals(this.pool);
  }

  /** PostgreSQL only: how many seals, the newest, and the events recorded since (cheap: for status pages). */
  async sealStatus(): Promise<SealStatus> {
    this.ensureOpen();
    return sealStatus(this.pool);
  }

  /** PostgreSQL only: a page of the seals, newest first. */
  async sealPage(offset: number, limit: number): Promise<SealExport[]> {
    this.ensureOpen();
    return sealPage(this.pool, offset, limit);
  }

  /** PostgreSQL only: one seal by its number, or null. */
  async sealByNumber(sealNumber: number): Promise<SealExport | null> {
    this.ensureOpen();
    return sealByNumber(this.pool, sealNumber);
  }

  async verifySeal(exported: SealExport): Promise<SealVerification> {
    this.ensureOpen();
    return verifySeal(this.pool, exported);
  }

  /**
   * PostgreSQL only: the global positions from..to (default: the whole log) and the seals overlapping them, as NDJSON
   * chunks in one snapshot (postgres/export/export-format.ts; checked offline by tools/verify-export.mjs).
   */
  exportLog(options?: ExportOptions): AsyncGenerator<string> {
    this.ensureOpen();
    return exportLog(this.pool, options);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifier.close();
    if (this.options.ownsPool) await this.pool.end();
  }

  private async settle(db: Queryable, request: AppendRequest, outcome: AppendOutcome): Promise<AppendResult[]> {
    switch (outcome.kind) {
      case 'ok':
        return outcome.results;
      case 'conflict':
        throw new WrongExpectedVersionError(outcome.streamId, outcome.expected, outcome.actual);
      case 'duplicate':
        return originalResults(db, request.idempotencyKey ?? '');
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
