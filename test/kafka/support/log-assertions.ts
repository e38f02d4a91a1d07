import { type EventStore, type RecordedEvent, START } from '@app/event-store';

/** Every event of the store, in the global log's delivery order. */
export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after = START;
  for (;;) {
    const page = await store.readAll({ after, limit: 5000 });
    if (page.events.length === 0) return events;
    events.push(...page.events);
    after = page.checkpoint;
  }
}

export interface StreamReport {
  streams: number;
  /** Streams whose handled positions are not exactly 1..n of the store (with the first difference). */
  problems: string[];
}

/**
 * Compares, stream by stream, the events a consumer handled with the store: each stream's positions handled in
 * order 1, 2, …, n (no gap, no duplicate, no reordering), every event of the store present with the same hash.
 */
export function compareWithStore(expected: readonly RecordedEvent[], handled: readonly RecordedEvent[]): StreamReport {
  const byStream = (events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
    const map = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const list = map.get(event.streamId);
      if (list) list.push(event);
      else map.set(event.streamId, [event]);
    }
    return map;
  };
  const want = byStream(expected);
  const got = byStream(handled);
  const problems: string[] = [];
  for (const [streamId, events] of want) {
    const received = got.get(streamId) ?? [];
    const positions = received.map((e) => e.streamPosition);
    const wanted = events.map((e) => e.streamPosition).sort((a, b) => a - b);
    if (positions.join(',') !== wanted.join(',')) {
      problems.push(`${streamId}: handled positions [${positions.join(',')}], store has [${wanted.join(',')}]`);
      continue;
    }
    const mismatch = received.find((e, i) => e.hash !== events.find((x) => x.streamPosition === wanted[i])?.hash);
    if (mismatch) problems.push(`${streamId}@${mismatch.streamPosition}: hash differs from the store`);
  }
  for (const streamId of got.keys())
    if (!want.has(streamId)) problems.push(`${streamId}: handled but not in the store`);
  return { streams: want.size, problems };
}
