import type { Kafka } from 'kafkajs';
import type { ConsumerLag } from '../messaging.port';

/**
 * How far a consumer group is behind on a topic: per partition, the end offset (the next offset to be written) less
 * the group's committed offset (a partition the group never committed counts from the partition's first offset).
 */
export async function consumerLag(kafka: Kafka, groupId: string, topic: string): Promise<ConsumerLag> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [ends, committed] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const done = new Map(
      (committed[0]?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset === '-1' ? -1 : p.offset)]),
    );
    const partitions = ends
      .map((end) => {
        const last = BigInt(end.high);
        const first = BigInt(end.low);
        const at = done.get(end.partition) ?? -1n;
        const from = at < 0n ? first : at;
        return {
          partition: end.partition,
          committed: at < 0n ? null : at.toString(),
          end: end.high,
          lag: Number(last - from),
        };
      })
      .sort((a, b) => a.partition - b.partition);
    return { messages: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
