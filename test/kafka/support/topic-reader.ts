import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';

/** A message of a topic as the broker holds it: raw key, value and headers (every value of a repeated header). */
export interface RawMessage {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: [name: string, value: Buffer][];
}

/**
 * Every message of `topic`, from the first offset of each partition to the end it has when this is called (its
 * high watermark), read by a plain kafkajs consumer of a new group: what any system subscribing to the topic gets.
 */
export async function readWholeTopic(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<RawMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>();
  try {
    for (const p of await admin.fetchTopicOffsets(topic))
      if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high));
  } finally {
    await admin.disconnect();
  }
  const messages: RawMessage[] = [];
  const reached = new Map<number, bigint>();
  const done = (): boolean => [...ends].every(([partition, high]) => (reached.get(partition) ?? -1n) + 1n >= high);
  if (done()) return messages;

  const consumer = kafka.consumer({ groupId: `topic-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        messages.push({
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers: headerList(message.headers),
        });
        reached.set(partition, BigInt(message.offset));
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline)
        throw new Error(
          `read ${messages.length} messages of ${topic} within ${timeoutMs} ms; partitions' ends ${JSON.stringify(
            Object.fromEntries([...ends].map(([p, h]) => [p, `${reached.get(p) ?? 'none'} of ${h - 1n}`])),
          )}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await consumer.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

function headerList(headers: IHeaders | undefined): [string, Buffer][] {
  const list: [string, Buffer][] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value])
      if (one !== undefined) list.push([name, Buffer.isBuffer(one) ? one : Buffer.from(String(one), 'utf8')]);
  }
  return list;
}

/** A message as text for a grep: its key, its headers (`name: value`) and its value, each decoded as UTF-8. */
export function messageText(message: RawMessage): string {
  return [
    `key: ${message.key?.toString('utf8') ?? ''}`,
    ...message.headers.map(([name, value]) => `header ${name}: ${value.toString('utf8')}`),
    `value: ${message.value?.toString('utf8') ?? ''}`,
  ].join('\n');
}
