import {
  ANY,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type AppendStreamState,
  type EventData,
  type Position,
} from '@kurrent/kurrentdb-client';
import type { KurrentClient } from '../kurrentdb/kurrentdb-client';

interface StoredEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  isJson: true;
  position: Position;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/**
 * An in-memory stand-in for the parts of the KurrentDB client the adapter uses: expected-state checks, atomic
 * multi-stream appends, $all positions (commit per append, prepare per event), stream and $all reads, a live $all
 * feed. It lets the contract suite exercise the adapter's mapping without a server; it is not KurrentDB.
 */
export function createFakeKurrentClient(): KurrentClient {
  const log: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const listeners = new Set<(event: StoredEvent) => void>();
  let counter = 1000n;

  const check = (name: string, state: AppendStreamState | undefined): void => {
    const last = streams.get(name)?.at(-1);
    const current = last ? last.revision : ('no_stream' as const);
    const ok =
      state === undefined || state === ANY
        ? true
        : state === NO_STREAM
          ? last === undefined
          : state === STREAM_EXISTS
            ? last !== undefined
            : last?.revision === state;
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: name, expected: state ?? ANY, current });
  };

  const write = (requests: AppendStreamRequest[]): void => {
    const commit = (counter += 10n);
    for (const request of requests) {
      const list = streams.get(request.streamName) ?? [];
      for (const event of request.events as EventData[]) {
        const stored: StoredEvent = {
          streamId: request.streamName,
          id: event.id,
          revision: BigInt(list.length),
          type: event.type,
          created: new Date(),
          data: copy(event.data),
          metadata: copy(event.metadata),
          isJson: true,
          position: { commit, prepare: (counter += 1n) },
        };
        list.push(stored);
        log.push(stored);
        listeners.forEach((l) => l(stored));
      }
      streams.set(request.streamName, list);
    }
  };

  async function* iterate(events: StoredEvent[]): AsyncGenerator<{ event: StoredEvent }> {
    for (const event of events) yield { event };
  }

  const client = {
    async appendToStream(
      streamName: string,
      events: EventData | EventData[],
      options: { streamState?: AppendStreamState } = {},
    ) {
      await tick();
      check(streamName, options.streamState);
      write([
        { streamName, events: Array.isArray(events) ? events : [events], expectedState: options.streamState ?? ANY },
      ]);
      return {
        success: true,
        nextExpectedRevision: BigInt((streams.get(streamName)?.length ?? 0) - 1),
        position: log.at(-1)?.position,
      };
    },
    async multiStreamAppend(requests: AppendStreamRequest[]) {
      await tick();
      requests.forEach((r) => check(r.streamName, r.expectedState));
      write(requests);
      return {
        position: log.at(-1)?.position.commit ?? 0n,
        responses: requests.map((r) => ({
          streamName: r.streamName,
          revision: BigInt((streams.get(r.streamName)?.length ?? 0) - 1),
        })),
      };
    },
    readStream(
      streamName: string,
      options: {
        fromRevision?: bigint | typeof START | typeof END;
        direction?: string;
        maxCount?: number | bigint;
      } = {},
    ) {
      return (async function* () {
        await tick();
        const list = streams.get(streamName);
        if (!list) throw new StreamNotFoundError(undefined, streamName);
        const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
        const backwards = options.direction === 'backwards';
        const from = options.fromRevision;
        let picked = backwards
          ? [...list].reverse().filter((e) => from === END || from === undefined || e.revision <= (from as bigint))
          : list.filter((e) => from === START || from === undefined || e.revision >= (from as bigint));
        picked = picked.slice(0, max);
        yield* iterate(picked);
      })();
    },
    readAll(options: { fromPosition?: Position | typeof START | typeof END; maxCount?: number | bigint } = {}) {
      return (async function* () {
        await tick();
        const from = options.fromPosition;
        const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
        const picked = log
          .filter(
            (e) =>
              from === undefined ||
              from === START ||
              (typeof from === 'object' &&
                (e.position.commit > from.commit ||
                  (e.position.commit === from.commit && e.position.prepare >= from.prepare))),
          )
          .slice(0, max);
        yield* iterate(picked);
      })();
    },
    subscribeToAll() {
      const queue: StoredEvent[] = [];
      let wake: (() => void) | undefined;
      let open = true;
      const listener = (event: StoredEvent): void => {
        queue.push(event);
        wake?.();
      };
      listeners.add(listener);
      const feed = (async function* () {
        while (open) {
          const next = queue.shift();
          if (next) yield { event: next };
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      })();
      return Object.assign(feed, {
        unsubscribe: async () => {
          open = false;
          listeners.delete(listener);
          wake?.();
        },
      });
    },
    async dispose() {
      listeners.clear();
    },
  };
  return client as unknown as KurrentClient;
}
