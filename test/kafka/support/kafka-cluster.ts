import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from '@app/platform';
import { type RunningProcess, spawnProcess } from '../../../scripts/cluster/running-process';
import { type KafkaNodeSpec, prepareKafkaNode } from '../../../scripts/kafka/kafka-cluster-node';
import { ensureKafkaDistribution } from '../../../scripts/kafka/kafka-distribution';

/**
 * A three-node Kafka cluster for one test (each node broker and controller, a 3-voter KRaft quorum: the layout of
 * `npm run cluster:local`), in a temporary folder: each node's data and its log (`logs/kafka-<id>.log`, Kafka at
 * INFO: elections, ISR changes and truncations are in it). Nodes can be SIGKILLed and started again.
 */
export interface TestKafkaCluster {
  readonly brokers: string[];
  readonly dir: string;
  /** A kafkajs client of the cluster (silent). */
  client(clientId: string): Kafka;
  /** Creates a topic with replication 3 and min.insync.replicas=2, and waits for its leaders. */
  createTopic(topic: string, partitions: number): Promise<void>;
  /** The node leading a partition now (the metadata of any live node). */
  leaderOf(topic: string, partition: number): Promise<number>;
  kill(nodeId: number): Promise<void>;
  start(nodeId: number): Promise<void>;
  /** Stops every node; removes the folder unless `keep` (a failed test keeps the logs). */
  stop(options?: { keep?: boolean }): Promise<void>;
}

export async function startTestKafkaCluster(options: { logLevel?: 'warn' | 'info' } = {}): Promise<TestKafkaCluster> {
  const distribution = await ensureKafkaDistribution();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-kafka-cluster-'));
  fs.mkdirSync(path.join(dir, 'logs'));
  const taken: number[] = [];
  const nodes: KafkaNodeSpec[] = [];
  for (let nodeId = 1; nodeId <= 3; nodeId++) {
    const port = await freePort(taken);
    const controllerPort = await freePort([...taken, port]);
    taken.push(port, controllerPort);
    nodes.push({ nodeId, port, controllerPort, root: path.join(dir, `node-${nodeId}`) });
  }
  const running = new Map<number, RunningProcess>();
  const launch = async (node: KafkaNodeSpec): Promise<void> => {
    const { command, args } = prepareKafkaNode(distribution, node, {
      nodes,
      partitions: 6,
      replication: 3,
      minInsync: 2,
      heap: '384m',
      logLevel: options.logLevel ?? 'info',
    });
    running.set(
      node.nodeId,
      await spawnProcess({
        command,
        args,
        cwd: node.root,
        logFile: path.join(dir, 'logs', `kafka-${node.nodeId}.log`),
        ready: { line: /Kafka Server started/ },
        timeoutMs: 120_000,
      }),
    );
  };
  const node = (nodeId: number): KafkaNodeSpec => {
    const found = nodes.find((n) => n.nodeId === nodeId);
    if (!found) throw new Error(`no Kafka node ${nodeId}`);
    return found;
  };
  const brokers = nodes.map((n) => `127.0.0.1:${n.port}`);
  const client = (clientId: string): Kafka => new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
  const stopAll = async (): Promise<void> => {
    await Promise.all([...running.values()].map((p) => p.stop(20_000)));
    running.clear();
  };
  try {
    // the quorum needs two voters up before any node reports started: start them together
    await Promise.all(nodes.map(launch));
  } catch (error) {
    await stopAll();
    throw new Error(`the Kafka cluster did not start (logs in ${dir}/logs): ${(error as Error).message}`);
  }

  return {
    brokers,
    dir,
    client,
    async createTopic(topic, partitions) {
      const admin = client('test-cluster-admin').admin();
      await admin.connect();
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic,
              numPartitions: partitions,
              replicationFactor: 3,
              configEntries: [{ name: 'min.insync.replicas', value: '2' }],
            },
          ],
        });
      } finally {
        await admin.disconnect();
      }
    },
    async leaderOf(topic, partition) {
      const admin = client('test-cluster-admin').admin();
      await admin.connect();
      try {
        const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
        const leader = metadata.topics[0]?.partitions.find((p) => p.partitionId === partition)?.leader;
        if (leader === undefined || leader < 0) throw new Error(`${topic}-${partition} has no leader`);
        return leader;
      } finally {
        await admin.disconnect();
      }
    },
    async kill(nodeId) {
      const process = running.get(node(nodeId).nodeId);
      if (!process) return;
      process.signal('SIGKILL');
      await process.exited;
      running.delete(nodeId);
    },
    async start(nodeId) {
      if (!running.has(nodeId)) await launch(node(nodeId));
    },
    async stop({ keep = false } = {}) {
      await stopAll();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
