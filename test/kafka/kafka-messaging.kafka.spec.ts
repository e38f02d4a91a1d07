import { Partitioners } from 'kafkajs';
import { type IncomingMessage, KafkaMessaging, type OutgoingMessage } from '@app/messaging';
import { type SuiteKafka, describeKafka, kafkaForSuite } from '../setup/kafka-broker';

/** The kafkajs adapter against a real broker: keys and order, headers, large publishes, commits after handling. */
describeKafka('KafkaMessaging (kafkajs adapter) on a real broker', () => {
  let kafka: SuiteKafka;
  let messaging: KafkaMessaging;

  beforeAll(async () => {
    kafka = await kafkaForSuite();
    messaging = new KafkaMessaging({ brokers: kafka.brokers, clientId: 'messaging-spec' });
  }, 120_000);

  afterAll(async () => {
    await messaging?.close();
    await kafka?.stop();
  }, 60_000);

  const until = async (done: () => boolean, timeoutMs = 30_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('keeps one key on one partition in publish order, with headers, across a publish split into requests', async () => {
    const topic = kafka.topic('keys');
    await messaging.ensureTopic(topic, { partitions: 3 });
    await messaging.ensureTopic(topic, { partitions: 3 }); // idempotent
    const body = 'x'.repeat(1000);
    const messages: OutgoingMessage[] = Array.from({ length: 3000 }, (_, i) => ({
      key: `k${i % 7}`,
      value: `${i}:${body}`,
      headers: { seq: String(i), tên: 'hồ sơ' },
    }));
    const publisher = messaging.publisher();
    await publisher.publish(topic, messages); // ~3 MB: several requests, one after the other
    await publisher.close();

    const received: IncomingMessage[] = [];
    const consumer = messaging.consumer({
      groupId: 'order',
      topics: [topic],
      handle: async (batch) => void received.push(...batch.messages),
    });
    await consumer.start();
    await until(() => received.length >= 3000);
    await consumer.stop();

    expect(received).toHaveLength(3000);
    for (let k = 0; k < 7; k++) {
      const ofKey = received.filter((m) => m.key === `k${k}`);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      const sequence = ofKey.map((m) => Number(m.headers.seq));
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
      expect(ofKey[0]?.headers['tên']).toBe('hồ sơ');
    }
    expect(new Set(received.map((m) => m.partition)).size).toBeGreaterThan(1);

    // The partitions the publisher computes are the producer's own (murmur2, as Java clients): a plain kafkajs
    // producer, left to partition by itself, puts each key where ours did.
    const plain = messaging.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await plain.connect();
    for (let k = 0; k < 7; k++) {
      const [placed] = await plain.send({ topic, messages: [{ key: `k${k}`, value: 'plain' }] });
      expect(placed?.partition).toBe(received.find((m) => m.key === `k${k}`)?.partition);
    }
    await plain.disconnect();
  }, 60_000);

  it('commits only after the handler succeeds: a failed batch comes again, a committed one never', async () => {
    const topic = kafka.topic('commits');
    await messaging.ensureTopic(topic, { partitions: 1 });
    const publisher = messaging.publisher();
    await publisher.publish(
      topic,
      Array.from({ length: 20 }, (_, i) => ({ key: 'k', value: String(i) })),
    );

    const handled: string[] = [];
    let failures = 0;
    const first = messaging.consumer({
      groupId: 'commits',
      topics: [topic],
      retryDelayMs: 50,
      handle: async (batch) => {
        if (failures < 2) {
          failures++;
          throw new Error('not yet');
        }
        handled.push(...batch.messages.map((m) => String(m.value)));
      },
    });
    await first.start();
    await until(() => handled.length >= 20);
    expect(failures).toBe(2);
    expect(handled).toEqual(Array.from({ length: 20 }, (_, i) => String(i))); // nothing skipped, in order
    await first.stop();

    await publisher.publish(topic, [{ key: 'k', value: 'after restart' }]);
    await publisher.close();
    const again: string[] = [];
    const second = messaging.consumer({
      groupId: 'commits',
      topics: [topic],
      handle: async (batch) => void again.push(...batch.messages.map((m) => String(m.value))),
    });
    await second.start();
    await until(() => again.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await second.stop();
    expect(again).toEqual(['after restart']); // the group resumed after its committed offset
  }, 60_000);
});
