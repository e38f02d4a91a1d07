import { WrongExpectedVersionError } from '../errors';
import type { EventData, EventMetadata, EventStore, ExpectedVersion, RecordedEvent } from '../event-store.port';
import { ConcurrentModificationError, IdempotencyKeyReusedError, VersionMismatchError } from './command-errors';

/** How a stream's recorded events fold into the state a decision needs. */
export interface StreamFold<S> {
  initialState: S;
  evolve(state: S, event: RecordedEvent): S;
}

/** An event as decided: what to append, before the store adds metadata, position and hash. */
export interface DecidedEvent {
  type: string;
  schemaVersion: number;
  data: EventData;
}

export interface CommandOptions<S> {
  /**
   * The stream must be new (its id is fresh, or derived from the idempotency key): decided on the initial state and
   * appended with `no_stream` without reading first. Should it exist after all, the command is handled as usual.
   */
  newStream?: boolean;
  /** If-Match: the version the client saw; a mismatch is a VersionMismatchError and nothing is retried. */
  ifMatch?: number;
  /** A repeat with this key is answered with the first outcome and appends nothing. */
  idempotencyKey?: string;
  /** Fingerprint of the request: a repeated key with another fingerprint is an IdempotencyKeyReusedError. */
  requestFingerprint?: string;
  /** The metadata of the appended events, for the state the command was decided on. */
  metadata(state: S): EventMetadata;
  /**
   * May the caller act on the stream as it stands? Runs on every state loaded, before deciding and before a repeat
   * is answered, so that a replay never shows a stream to whom may not see it. Throws to refuse.
   */
  authorize?(state: S, version: number): void;
  /** Attempts on concurrent changes (default 5). */
  maxAttempts?: number;
}

export interface Handled<S> {
  state: S;
  version: number;
  events: RecordedEvent[];
  /** True when the idempotency key had been used: nothing was appended, the first outcome is returned. */
  replayed: boolean;
}

/**
 * Load → decide → append with the loaded version; on a concurrent append, load and decide again (a bounded number
 * of times). Idempotent with a key. The decision is a pure function of the state: everything else it needs (the
 * caller's rights, reference data, a dossier code) is gathered before.
 */
export async function handleCommand<S>(
  store: EventStore,
  streamId: string,
  fold: StreamFold<S>,
  decide: (state: S, version: number) => DecidedEvent[],
  options: CommandOptions<S>,
): Promise<Handled<S>> {
  const foldEvents = (events: readonly RecordedEvent[], from = fold.initialState): S =>
    events.reduce(fold.evolve, from);
  const append = (state: S, decided: DecidedEvent[], expectedVersion: ExpectedVersion) => {
    const metadata = withRequest(options.metadata(state), options);
    return store.append(
      streamId,
      decided.map((e) => ({ ...e, metadata })),
      { expectedVersion, idempotencyKey: options.idempotencyKey },
    );
  };
  /** A repeat: the stream as it stood right after the events of the first outcome. */
  const firstOutcome = (events: readonly RecordedEvent[]): Handled<S> => {
    const handled = {
      state: foldEvents(events),
      version: events.at(-1)?.streamPosition ?? 0,
      events: [...events],
      replayed: true,
    };
    options.authorize?.(handled.state, handled.version);
    sameRequest(events.at(-1), options);
    return handled;
  };

  if (options.newStream) {
    try {
      const result = await append(fold.initialState, decide(fold.initialState, 0), 'no_stream');
      // the store answers a repeat with the events the key appended: from position 1 for a stream it started
      if (result.duplicate)
        return firstOutcome(
          result.events[0]?.streamPosition === 1
            ? result.events
            : await store.readStream(streamId, { toVersion: result.nextExpectedVersion }),
        );
      return {
        state: foldEvents(result.events),
        version: result.nextExpectedVersion,
        events: result.events,
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }
  for (let attempt = 1; attempt <= (options.maxAttempts ?? 5); attempt++) {
    const events = await store.readStream(streamId);
    const state = foldEvents(events);
    const version = events.at(-1)?.streamPosition ?? 0;
    options.authorize?.(state, version);
    const earlier =
      options.idempotencyKey === undefined
        ? -1
        : events.findLastIndex((e) => e.metadata.idempotencyKey === options.idempotencyKey);
    if (earlier >= 0) return firstOutcome(events.slice(0, earlier + 1));
    if (options.ifMatch !== undefined && options.ifMatch !== version)
      throw new VersionMismatchError(options.ifMatch, version);
    try {
      const result = await append(state, decide(state, version), version === 0 ? 'no_stream' : version);
      if (result.duplicate)
        return firstOutcome(await store.readStream(streamId, { toVersion: result.nextExpectedVersion }));
      return {
        state: foldEvents(result.events, state),
        version: result.nextExpectedVersion,
        events: [...events, ...result.events],
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (options.ifMatch !== undefined)
        throw new VersionMismatchError(options.ifMatch, await store.streamVersion(streamId));
    }
  }
  throw new ConcurrentModificationError();
}

function withRequest(metadata: EventMetadata, options: CommandOptions<unknown>): EventMetadata {
  return {
    ...metadata,
    ...(options.idempotencyKey !== undefined ? { idempotencyKey: options.idempotencyKey } : {}),
    ...(options.requestFingerprint !== undefined ? { requestFingerprint: options.requestFingerprint } : {}),
  };
}

/** A repeated key must come with the same request (when the caller says what it was). */
function sameRequest(first: RecordedEvent | undefined, options: CommandOptions<unknown>): void {
  const recorded = first?.metadata.requestFingerprint;
  if (options.requestFingerprint !== undefined && recorded !== undefined && recorded !== options.requestFingerprint) {
    throw new IdempotencyKeyReusedError();
  }
}
