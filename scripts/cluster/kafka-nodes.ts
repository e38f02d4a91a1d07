import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { type KafkaNodeSpec, prepareKafkaNode } from '../kafka/kafka-cluster-node';
import { type KafkaDistribution, ensureKafkaDistribution } from '../kafka/kafka-distribution';
import { spawnProcess } from './running-process';
import type { ProcessSpec } from './supervisor';

export const TOPIC = 'dossier-events';
export const PARTITIONS = 6;
const HEAP = '384m';

/**
 * Three Kafka nodes (each broker and controller: a 3-voter KRaft quorum) from the project's own Kafka distribution,
 * and the events topic with replication 3 and min.insync.replicas=2 (an acknowledged event survives a broker).
 */
export class KafkaNodes {
  readonly nodes: KafkaNodeSpec[];
  private distribution?: KafkaDistribution;

  constructor(
    dir: string,
    ports: { port: number; controllerPort: number }[],
    private readonly logDir: string,
  ) {
    this.nodes = ports.map((p, i) => ({ nodeId: i + 1, ...p, root: path.join(dir, 'kafka', `node-${i + 1}`) }));
  }

  get brokers(): string[] {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`);
  }

  async prepare(): Promise<void> {
    this.distribution = await ensureKafkaDistribution();
  }

  specs(): ProcessSpec[] {
    return this.nodes.map((node) => ({
      name: `kafka-${node.nodeId}`,
      launch: () => {
        if (!this.distribution) throw new Error('prepare() first');
        const { command, args } = prepareKafkaNode(this.distribution, node, {
          nodes: this.nodes,
          partitions: PARTITIONS,
          replication: 3,
          minInsync: 2,
          heap: HEAP,
        });
        return spawnProcess({
          command,
          args,
          cwd: node.root,
          logFile: path.join(this.logDir, `kafka-${node.nodeId}.log`),
          ready: { line: /Kafka Server started/ },
          timeoutMs: 120_000,
        });
      },
    }));
  }

  /** Creates the events topic (replication 3, min.insync.replicas=2) unless it exists. */
  async ensureTopic(): Promise<void> {
    const admin = this.client().admin();
    await admin.connect();
    try {
      const topics = await admin.listTopics();
      if (topics.includes(TOPIC)) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: TOPIC,
            numPartitions: PARTITIONS,
            replicationFactor: 3,
            configEntries: [
              { name: 'min.insync.replicas', value: '2' },
              { name: 'retention.ms', value: '-1' },
            ],
          },
        ],
      });
    } finally {
      await admin.disconnect();
    }
  }

  client(): Kafka {
    return new Kafka({ clientId: 'cluster-supervisor', brokers: this.brokers, logLevel: logLevel.NOTHING });
  }
}
