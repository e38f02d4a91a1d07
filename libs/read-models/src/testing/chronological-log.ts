import { type DossierEvent, instantAt, localDateOf, addDays, dossierIdOf, dossierStreamId } from '@app/domain';
import type { EventMetadata, EventStore, NewEvent, StreamAppend } from '@app/event-store';
import { toNewEvent } from './append-histories';
import { MinHeap } from './heap';
import { type WorkloadOptions, generateWorkload } from './workload';

interface Pending {
  at: string;
  seq: number;
  streamId: string;
  event: DossierEvent;
}

/** One local day of the log: every event that happened that day, per stream, in order. */
export interface LogDay {
  day: string;
  streams: { streamId: string; events: DossierEvent[] }[];
}

/**
 * The workload as the log of a real one-stop system: events in the order they happened (business time), the
 * dossiers' histories interleaved — not one dossier after another — so a projector sees each dossier in many
 * batches, as in production.
 */
export function* chronologicalLog(options: WorkloadOptions): Generator<LogDay> {
  const heap = new MinHeap<Pending>((a, b) => (a.at === b.at ? a.seq < b.seq : a.at < b.at));
  let seq = 0;
  let day: string | null = null;
  const flush = function* (upTo: string | null): Generator<LogDay> {
    while (heap.size > 0) {
      const next = heap.peek() as Pending;
      const nextDay = localDateOf(next.at);
      if (upTo !== null && nextDay >= upTo) return;
      const streams = new Map<string, DossierEvent[]>();
      const end = instantAt(addDays(nextDay, 1));
      while (heap.size > 0 && (heap.peek() as Pending).at < end) {
        const item = heap.pop() as Pending;
        const list = streams.get(item.streamId);
        if (list) list.push(item.event);
        else streams.set(item.streamId, [item.event]);
      }
      yield { day: nextDay, streams: [...streams].map(([streamId, events]) => ({ streamId, events })) };
    }
  };
  for (const dossier of generateWorkload(options)) {
    const received = dossier.events[0]?.data.occurredAt as string;
    const receivedOn = localDateOf(received);
    if (day !== receivedOn) {
      yield* flush(receivedOn);
      day = receivedOn;
    }
    for (const event of dossier.events)
      heap.push({ at: event.data.occurredAt, seq: seq++, streamId: dossierStreamId(dossier.dossierId), event });
  }
  yield* flush(null);
}

export interface AppendedLog {
  events: number;
  streams: number;
  /** Every appended event per stream (when `keep` is set), for comparisons with the domain. */
  histories: Map<string, DossierEvent[]>;
}

/**
 * Appends the log day by day through the EventStore port (`perAppend` streams per atomic appendToStreams, exact
 * expected versions), stopping after `maxEvents` events.
 */
export async function appendLog(
  store: EventStore,
  log: Iterable<LogDay>,
  options: {
    perAppend?: number;
    inFlight?: number;
    maxEvents?: number;
    keep?: boolean;
    versions?: Map<string, number>;
    onProgress?: (events: number) => void;
  } = {},
): Promise<AppendedLog> {
  const perAppend = options.perAppend ?? 500;
  const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
  const versions = options.versions ?? new Map<string, number>();
  const histories = new Map<string, DossierEvent[]>();
  let events = 0;
  for (const day of log) {
    const appends: StreamAppend[] = [];
    for (const stream of day.streams) {
      if (events >= maxEvents) break;
      const taken = stream.events.slice(0, maxEvents - events);
      events += taken.length;
      const version = versions.get(stream.streamId) ?? 0;
      versions.set(stream.streamId, version + taken.length);
      const newEvents = taken.map((event, i): NewEvent => ({
        ...toNewEvent(event),
        metadata: intakeMetadata(stream.streamId, version + i + 1),
      }));
      appends.push({
        streamId: stream.streamId,
        events: newEvents,
        expectedVersion: version === 0 ? 'no_stream' : version,
      });
      if (options.keep) histories.set(stream.streamId, [...(histories.get(stream.streamId) ?? []), ...taken]);
    }
    // Within a day, appends of different streams may run concurrently; days stay in order.
    const chunks: StreamAppend[][] = [];
    for (let i = 0; i < appends.length; i += perAppend) chunks.push(appends.slice(i, i + perAppend));
    for (let i = 0; i < chunks.length; i += options.inFlight ?? 3) {
      await Promise.all(chunks.slice(i, i + (options.inFlight ?? 3)).map((chunk) => store.appendToStreams(chunk)));
    }
    options.onProgress?.(events);
    if (events >= maxEvents) break;
  }
  return { events, streams: versions.size, histories };
}

/**
 * Metadata of the size and shape the intake writes (actor, role, unit, correlation, idempotency key, request
 * fingerprint), so that benchmarks read and write what a real log holds.
 */
function intakeMetadata(streamId: string, position: number): EventMetadata {
  const id = dossierIdOf(streamId) ?? streamId;
  const hex = id.replaceAll('-', '');
  return {
    actor: `can-bo-mot-cua-${hex.slice(0, 2)}`,
    role: 'clerk',
    unit: 'tth-hcc-hue',
    correlationId: id,
    idempotencyKey: `can-bo-mot-cua-${hex.slice(0, 2)}:${id}-${position}`,
    requestFingerprint: `${hex}${hex}`.slice(0, 64),
  };
}
