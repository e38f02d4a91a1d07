import { Inject, Injectable } from '@nestjs/common';
import { type DossierCommand, type DossierEvent, decide, initialDossierState } from '@app/domain';
import { EVENT_STORE, type EventMetadata, type EventStore, type ExpectedVersion, type RecordedEvent, WrongExpectedVersionError } from '@app/event-store';
import { ReferenceDataService } from '@app/reference-data';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import { type LoadedDossier, foldRecorded } from './dossier-stream';
import { idempotencyKeyReused, rejected, tooManyConflicts, versionMismatch } from './intake-errors';

const MAX_ATTEMPTS = 5;

export interface ExecuteOptions {
  /** If-Match: the version the client saw; a mismatch is a 412 and nothing is retried. */
  ifMatch?: number;
  idempotencyKey?: string;
  metadata: EventMetadata;
  /**
   * May the caller act on what the stream holds? Runs on the stream as loaded, before anything is decided and
   * before a repeated request is answered with its first outcome, so that a replay never shows a dossier the
   * caller may not see. Throws to refuse.
   */
  authorize?: (loaded: LoadedDossier) => void;
}

export interface Executed extends LoadedDossier {
  /** True when the idempotency key had been used: nothing new was appended, the original outcome is returned. */
  replayed: boolean;
}

/**
 * Loads a stream, decides, appends with the expected version; on a concurrent change reloads and decides again
 * (a bounded number of times). Idempotent: a repeated key yields the first outcome and appends nothing.
 */
@Injectable()
export class DossierRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reference: ReferenceDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async load(streamId: string, toVersion?: number): Promise<LoadedDossier> {
    const events = await this.store.readStream(streamId, toVersion === undefined ? {} : { toVersion });
    return { state: foldRecorded(events), version: events.at(-1)?.streamPosition ?? 0, events };
  }

  /**
   * A command that starts a stream (receipt, refusal at receipt): decided on the empty state and appended with
   * `no_stream`, without reading first — the stream id is new, or derived from the idempotency key, whose repeat
   * the store answers with the original events. If the stream exists anyway, the general path decides.
   */
  async start(streamId: string, command: (loaded: LoadedDossier) => DossierCommand | Promise<DossierCommand>, options: ExecuteOptions): Promise<Executed> {
    const empty: LoadedDossier = { state: initialDossierState, version: 0, events: [] };
    const decision = decide(empty.state, await command(empty), await this.deciderContext());
    if (!decision.ok) throw rejected(decision.error);
    try {
      const result = await this.store.append(streamId, decision.events.map((e) => toNewEvent(e, options.metadata)), {
        expectedVersion: 'no_stream',
        idempotencyKey: options.idempotencyKey,
      });
      const executed = { state: foldRecorded(result.events), version: result.nextExpectedVersion, events: result.events, replayed: result.duplicate };
      if (result.duplicate) {
        options.authorize?.(executed);
        sameRequest(result.events, options);
      }
      return executed;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return this.execute(streamId, command, options);
    }
  }

  async execute(streamId: string, command: (loaded: LoadedDossier) => DossierCommand | Promise<DossierCommand>, options: ExecuteOptions): Promise<Executed> {
    const context = await this.deciderContext();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.load(streamId);
      options.authorize?.(loaded);
      const earlier = this.earlierOutcome(loaded, options);
      if (earlier) return earlier;
      if (options.ifMatch !== undefined && options.ifMatch !== loaded.version) throw versionMismatch(options.ifMatch, loaded.version);
      const decision = decide(loaded.state, await command(loaded), context);
      if (!decision.ok) throw rejected(decision.error);
      const expectedVersion: ExpectedVersion = loaded.version === 0 ? 'no_stream' : loaded.version;
      try {
        const result = await this.store.append(streamId, decision.events.map((e) => toNewEvent(e, options.metadata)), {
          expectedVersion,
          idempotencyKey: options.idempotencyKey,
        });
        if (result.duplicate) {
          const original = await this.load(streamId, result.nextExpectedVersion);
          options.authorize?.(original);
          sameRequest(result.events, options);
          return { ...original, replayed: true };
        }
        const events = [...loaded.events, ...result.events];
        return { state: foldRecorded(result.events, loaded.state), version: result.nextExpectedVersion, events, replayed: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (options.ifMatch !== undefined) throw versionMismatch(options.ifMatch, await this.store.streamVersion(streamId));
      }
    }
    throw tooManyConflicts();
  }

  private async deciderContext() {
    const { calendar } = await this.reference.snapshot();
    return { calendar, dueDateRules: { cutoff: this.config.dueDateCutoff } };
  }

  /** The stream as it stood right after the events appended under this idempotency key, if any. */
  private earlierOutcome(loaded: LoadedDossier, options: ExecuteOptions): Executed | undefined {
    const key = options.idempotencyKey;
    if (!key) return undefined;
    const index = loaded.events.findLastIndex((e) => e.metadata.idempotencyKey === key);
    if (index < 0) return undefined;
    const events = loaded.events.slice(0, index + 1);
    sameRequest(events.slice(index), options);
    return { state: foldRecorded(events), version: events.at(-1)?.streamPosition ?? 0, events, replayed: true };
  }
}

/** A repeated idempotency key must come with the same request (when the caller says what it was). */
function sameRequest(original: readonly RecordedEvent[], options: ExecuteOptions): void {
  const given = options.metadata.requestFingerprint;
  const recorded = original[0]?.metadata.requestFingerprint;
  if (given !== undefined && recorded !== undefined && given !== recorded) throw idempotencyKeyReused();
}

function toNewEvent(event: DossierEvent, metadata: EventMetadata) {
  return { type: event.type, schemaVersion: event.schemaVersion, data: { ...event.data }, metadata };
}
