import type { Message } from 'kafkajs';
import type { OutgoingMessage } from '../messaging.port';

/**
 * Cuts a publish into produce requests, in order. The broker refuses a record batch (one per partition per request)
 * above the topic's `max.message.bytes` (1 MiB by default), so a request holds at most ~900 KiB for any one
 * partition, and at most 8 MiB in all. With the partition known, a 2,000-event page over 6 partitions goes in one
 * request instead of two or three (fewer round trips to wait for with one request in flight).
 */
export const LIMITS = { perPartition: 900 * 1024, perRequest: 8 * 1024 * 1024 };

/** `partitionOf` undefined: the partition is left to the producer, and the whole request stays under one batch. */
export function* requestChunks(
  messages: readonly OutgoingMessage[],
  partitionOf?: (key: string) => number,
): Generator<Message[]> {
  let chunk: Message[] = [];
  let total = 0;
  let perPartition = new Map<number, number>();
  const requestLimit = partitionOf ? LIMITS.perRequest : LIMITS.perPartition;
  for (const message of messages) {
    const size = sizeOf(message);
    const partition = partitionOf?.(message.key) ?? 0;
    const inPartition = perPartition.get(partition) ?? 0;
    if (chunk.length > 0 && (total + size > requestLimit || inPartition + size > LIMITS.perPartition)) {
      yield chunk;
      chunk = [];
      total = 0;
      perPartition = new Map();
    }
    chunk.push({
      key: message.key,
      value: message.value,
      headers: message.headers,
      ...(partitionOf ? { partition } : {}),
    });
    total += size;
    perPartition.set(partition, (perPartition.get(partition) ?? 0) + size);
  }
  if (chunk.length > 0) yield chunk;
}

/** An upper bound of the record's size (UTF-8 takes at most 3 bytes per UTF-16 unit): no encoding pass here. */
function sizeOf(message: OutgoingMessage): number {
  let size =
    64 + 3 * message.key.length + (typeof message.value === 'string' ? 3 * message.value.length : message.value.length);
  const headers = message.headers;
  if (headers) for (const name in headers) size += 8 + name.length + 3 * (headers[name]?.length ?? 0);
  return size;
}
