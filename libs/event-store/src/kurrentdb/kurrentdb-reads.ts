import {
  BACKWARDS,
  END,
  FORWARDS,
  START as KURRENT_START,
  StreamNotFoundError,
  type Position,
} from '@kurrent/kurrentdb-client';
import { compareCheckpoints, START } from '../checkpoint';
import type { ReadAllOptions, ReadAllPage, ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { toCheckpoint, toPosition, toRecordedEvent, type KurrentRecorded } from './codec';
import { isInternalStream, type KurrentClient } from './kurrentdb-client';

/** A stream's events (empty when the stream does not exist). */
export async function readStream(
  client: KurrentClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const from = Math.max(1, options.fromVersion ?? 1);
  const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
  if (to < from) return [];
  const events: RecordedEvent[] = [];
  try {
    const reading = client.readStream(streamId, {
      fromRevision: BigInt(from - 1),
      direction: FORWARDS,
      maxCount: to === Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : to - from + 1,
    });
    for await (const resolved of reading) {
      if (!resolved.event) continue;
      const event = toRecordedEvent(resolved.event as KurrentRecorded);
      if (options.recordedUpTo && event.recordedAt > options.recordedUpTo) continue;
      events.push(event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

/** The last event of a stream, or undefined. */
export async function lastEvent(client: KurrentClient, streamId: string): Promise<RecordedEvent | undefined> {
  try {
    for await (const resolved of client.readStream(streamId, {
      fromRevision: END,
      direction: BACKWARDS,
      maxCount: 1,
    })) {
      if (resolved.event) return toRecordedEvent(resolved.event as KurrentRecorded);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  return undefined;
}

export async function streamVersion(client: KurrentClient, streamId: string): Promise<number> {
  return (await lastEvent(client, streamId))?.streamPosition ?? 0;
}

/**
 * A page of $all after a checkpoint. KurrentDB's log has a single writer, so its order has no gaps to guard
 * against; system events and the adapter's own streams are skipped, the checkpoint still moves past them.
 */
export async function readAll(client: KurrentClient, options: ReadAllOptions = {}): Promise<ReadAllPage> {
  const after = options.after ?? START;
  const limit = Math.max(1, Math.min(options.limit ?? 1000, 100_000));
  const types = options.types ? new Set(options.types) : undefined;
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  for (;;) {
    const fromPosition = compareCheckpoints(checkpoint, START) === 0 ? KURRENT_START : toPosition(checkpoint);
    let raw = 0;
    let full = false;
    for await (const resolved of client.readAll({ fromPosition, direction: FORWARDS, maxCount: limit + 1 })) {
      raw += 1;
      const recorded = resolved.event as (KurrentRecorded & { position: Position }) | undefined;
      if (!recorded?.position) continue;
      const at = toCheckpoint(recorded.position);
      if (compareCheckpoints(at, checkpoint) <= 0) continue; // fromPosition is inclusive
      const ours = !isInternalStream(recorded.streamId) && !recorded.type.startsWith('$');
      const event = ours ? toRecordedEvent(recorded, recorded.position) : undefined;
      const wanted =
        event &&
        (!types || types.has(event.type)) &&
        (!options.recordedUpTo || event.recordedAt <= options.recordedUpTo);
      if (wanted && events.length >= limit) {
        full = true;
        break;
      }
      checkpoint = at;
      if (wanted && event) events.push(event);
    }
    if (full || events.length >= limit || raw < limit + 1) return { events, checkpoint };
  }
}
