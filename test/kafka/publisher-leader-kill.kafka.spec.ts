import { Partitioners } from 'kafkajs';
import { KafkaMessaging } from '@app/messaging';
import { describeKafka } from '../setup/kafka-broker';
import { type TestKafkaCluster, startTestKafkaCluster } from './support/kafka-cluster';
import { readWholeTopic } from './support/topic-reader';

const PARTITIONS = 6;
/** Keys of one page: every partition gets some (checked below), so each publish goes to all three brokers. */
const KEYS = Array.from({ length: 24 }, (_, i) => `dossier-${i}`);
/** Values on the doomed leader's partitions: its answer comes last, so the kill finds its request in flight. */
const HEAVY = 'x'.repeat(48 * 1024);
const PAGES_BEFORE_KILL = 10;
const PAGES_AFTER_FAILOVER = 10;
const KILL_AFTER_MS = 5;

/**
 * Issue 19's lost event: a publish to a 3-node cluster (replication 3, min.insync.replicas=2, acks=all, idempotent
 * producer) when the leader of some of its partitions is SIGKILLed with the publish's request in flight. kafkajs
 * 2.2.4 retries the failed request with the answers of the brokers that had already answered kept aside; once the
 * controller moves the dead broker's partitions to those brokers nothing is left to send, and `send()` resolves
 * without the moved partitions' records (tulios/kafkajs#1303). Every publish the publisher resolved must be on the
 * topic, whole. Kafka logs at INFO; kept, with the folder named, when the test fails.
 */
describeKafka(
  'publisher: a partition leader SIGKILLed under a publishing producer',
  () => {
    let cluster: TestKafkaCluster | undefined;
    let failed = true;

    afterAll(async () => {
      await cluster?.stop({ keep: failed });
      if (failed && cluster) process.stderr.write(`Kafka logs (INFO) kept in ${cluster.dir}/logs\n`);
    }, 90_000);

    it('loses no acknowledged message: every resolved publish is on the topic after the failover', async () => {
      const partitionOf = keyPartitioner();
      expect(new Set(KEYS.map(partitionOf)).size).toBe(PARTITIONS);

      cluster = await startTestKafkaCluster({ logLevel: 'info' });
      const running = cluster;
      const topic = 'leader-kill';
      await running.createTopic(topic, PARTITIONS);
      const victim = await running.leaderOf(topic, 0);
      const doomed = new Set<number>();
      for (let p = 0; p < PARTITIONS; p++) if ((await running.leaderOf(topic, p)) === victim) doomed.add(p);
      const valueOf = (page: number, key: string): string =>
        `${page}:${key}:${doomed.has(partitionOf(key)) ? HEAVY : ''}`;

      const warnings: string[] = [];
      const messaging = new KafkaMessaging({
        brokers: running.brokers,
        clientId: 'leader-kill',
        log: (level, text) => void (level === 'warn' && warnings.push(text)),
      });
      const publisher = messaging.publisher();

      // One publish after the other, as the relay does; each resolved page is acknowledged. The victim is killed
      // just after a publish has sent its requests.
      const acknowledged: string[] = [];
      let pages = 0;
      let stopping = false;
      let publishError: unknown;
      let killed: Promise<void> | undefined;
      const publishing = (async () => {
        try {
          while (!stopping) {
            const page = pages++;
            const values = KEYS.map((key) => valueOf(page, key));
            const publish = publisher.publish(
              topic,
              KEYS.map((key, i) => ({ key, value: values[i] ?? '' })),
            );
            if (page === PAGES_BEFORE_KILL) killed = sleep(KILL_AFTER_MS).then(() => running.kill(victim));
            await publish;
            acknowledged.push(...values);
          }
        } catch (error) {
          publishError = error;
        }
      })();
      const pagesAcknowledged = (): number => acknowledged.length / KEYS.length;
      const until = async (what: string, done: () => boolean, timeoutMs: number): Promise<void> => {
        const deadline = Date.now() + timeoutMs;
        while (!done()) {
          if (publishError) throw publishError;
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await sleep(20);
        }
      };

      try {
        // the dead node's partitions get new leaders (its session with the controller ends after 9 s), then more
        // pages go through
        await until(
          'the publishes after the failover',
          () => pagesAcknowledged() > PAGES_BEFORE_KILL + PAGES_AFTER_FAILOVER,
          150_000,
        );
        await killed;
        expect(await running.leaderOf(topic, 0)).not.toBe(victim);
      } finally {
        stopping = true;
        await publishing;
        await publisher.close();
        await messaging.close();
      }
      process.stderr.write(
        `leader-kill: victim ${victim} (partitions ${[...doomed].join(', ')}), ${pagesAcknowledged()} pages; kafkajs/publisher warnings:\n  ${warnings.join('\n  ')}\n`,
      );

      const onTopic = new Set(
        (await readWholeTopic(running.client('leader-kill-reader'), topic, 60_000)).map((m) => String(m.value)),
      );
      const missing = acknowledged
        .filter((value) => !onTopic.has(value))
        .map((v) => v.split(':').slice(0, 2).join(':'));
      const byPartition = new Map<number, number>();
      for (const page of missing) {
        const partition = partitionOf(page.split(':')[1] ?? '');
        byPartition.set(partition, (byPartition.get(partition) ?? 0) + 1);
      }
      expect({
        missing: missing.length,
        missingPerPartition: Object.fromEntries(byPartition),
        firstMissing: missing.slice(0, 5),
      }).toEqual({ missing: 0, missingPerPartition: {}, firstMissing: [] });
      failed = false;
    }, 300_000);
  },
  { needsLocalBroker: true },
);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The partition kafkajs' default (murmur2) partitioner gives a key on a topic of PARTITIONS partitions. */
function keyPartitioner(): (key: string) => number {
  const partition = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [],
    isr: [],
    partitionErrorCode: 0,
  }));
  return (key) => partition({ topic: 'any', partitionMetadata, message: { key, value: null } });
}
