import { END, excludeSystemEvents, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreClosedError } from '../errors';
import { payloadOf } from '../event-payload';
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
import type { Waker } from '../subscription/waker';
import { validateAppends, validateStreamId } from '../validation';
import { appendToStreams } from './kurrentdb-append';
import type { KurrentClient } from './kurrentdb-client';
import { listSeals, seal, verifyChains, verifyLog, verifySeal } from './kurrentdb-integrity';
import { readAll, readStream, streamVersion } from './kurrentdb-reads';

/**
 * The KurrentDB adapter (EVENT_STORE=kurrentdb, KURRENTDB_URL=kurrentdb://host:2113?tls=false). Same port, same
 * hash chain (kept in event metadata), checkpoints on $all positions. Differences are listed in the README.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly wakers = new Set<Waker>();
  private readonly subscriptions = new Set<Subscription>();
  private live?: { unsubscribe(): Promise<void> };
  private closed = false;

  constructor(
    private readonly client: KurrentClient,
    private readonly options: { pollIntervalMs?: number } = {},
  ) {}

  static async connect(url: string): Promise<KurrentDbEventStore> {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(url));
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
    return appendToStreams(this.client, appends, options.idempotencyKey);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    validateStreamId(streamId);
    return readStream(this.client, streamId, options);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.ensureOpen();
    return streamVersion(this.client, streamId);
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    this.ensureOpen();
    return readAll(this.client, options);
  }

  /** KurrentDB sends whole events anyway: readAll's pages, stripped. */
  async readAllPayloads(options?: ReadAllOptions): Promise<ReadAllPage<EventPayload>> {
    const page = await this.readAll(options);
    return { events: page.events.map(payloadOf), checkpoint: page.checkpoint };
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const subscription = startPollingSubscription(
      {
        read: (after: Checkpoint, limit: number, types: string[] | undefined) =>
          readAll(this.client, { after, limit, types }),
        register: (waker) => this.register(waker),
        pollIntervalMs: this.options.pollIntervalMs ?? 500,
      },
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async verify(options: { streamId?: string } = {}): Promise<VerificationReport> {
    this.ensureOpen();
    return verifyChains(this.client, options.streamId);
  }

  async verifyLog(options?: VerifyLogOptions): Promise<LogVerification> {
    this.ensureOpen();
    return verifyLog(this.client, options);
  }

  async seal(options: { upTo?: Checkpoint; maxEvents?: number } = {}): Promise<SealExport> {
    this.ensureOpen();
    return seal(this.client, options.upTo, options.maxEvents);
  }

  async listSeals(): Promise<SealExport[]> {
    this.ensureOpen();
    return listSeals(this.client);
  }

  async verifySeal(exported: SealExport): Promise<SealVerification> {
    this.ensureOpen();
    return verifySeal(this.client, exported);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.live?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }

  /** One live $all subscription (from the end) wakes every polling subscription when something is written. */
  private register(waker: Waker): () => void {
    this.wakers.add(waker);
    if (!this.live) {
      const live = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
      this.live = live;
      void (async () => {
        try {
          for await (const _event of live) for (const w of this.wakers) w.wake();
        } catch {
          this.live = undefined; // polling carries on; the next subscription retries the live feed
        }
      })();
    }
    return () => this.wakers.delete(waker);
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
