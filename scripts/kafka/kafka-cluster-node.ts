import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KafkaDistribution } from './kafka-distribution';
import { brokerProperties, jvmArguments } from './kafka-settings';

/** One node of a local Kafka cluster: broker and controller, a voter of the static KRaft quorum. */
export interface KafkaNodeSpec {
  nodeId: number;
  port: number;
  controllerPort: number;
  /** The node's folder: `data/` (its log directory), `server.properties`. */
  root: string;
}

/** `1@127.0.0.1:9193,2@…`: the static quorum of every node. */
export function quorumVoters(nodes: readonly KafkaNodeSpec[]): string {
  return nodes.map((n) => `${n.nodeId}@127.0.0.1:${n.controllerPort}`).join(',');
}

/**
 * Writes the node's storage (first time only) and properties; returns the command that runs it. The storage is the
 * distribution's formatted template (same cluster id for every node: the template is formatted once per cache) with
 * the node's own id and a new directory id in meta.properties — what `kafka-storage format` would write for it.
 */
export function prepareKafkaNode(
  distribution: KafkaDistribution,
  node: KafkaNodeSpec,
  cluster: {
    nodes: readonly KafkaNodeSpec[];
    partitions: number;
    replication: number;
    minInsync: number;
    heap: string;
    /** Kafka's own log level (default warn; info for a reproduction). */
    logLevel?: 'warn' | 'info';
  },
): { command: string; args: string[] } {
  const dataDir = path.join(node.root, 'data');
  const meta = path.join(dataDir, 'meta.properties');
  if (!fs.existsSync(meta)) {
    fs.mkdirSync(node.root, { recursive: true });
    fs.cpSync(distribution.template, dataDir, { recursive: true });
    const text = fs
      .readFileSync(meta, 'utf8')
      .replace(/^node\.id=.*$/m, `node.id=${node.nodeId}`)
      .replace(/^directory\.id=.*$/m, `directory.id=${randomBytes(16).toString('base64url')}`);
    fs.writeFileSync(meta, text);
  }
  const propertiesFile = path.join(node.root, 'server.properties');
  fs.writeFileSync(
    propertiesFile,
    brokerProperties({
      port: node.port,
      controllerPort: node.controllerPort,
      dataDir,
      partitions: cluster.partitions,
      quorum: {
        nodeId: node.nodeId,
        voters: quorumVoters(cluster.nodes),
        replication: cluster.replication,
        minInsync: cluster.minInsync,
      },
    }),
  );
  // the class-data-sharing archive when a first single-node start has written it (npm run kafka:local -- --prepare)
  const cds = fs.existsSync(distribution.cdsArchive) ? { use: distribution.cdsArchive } : undefined;
  const jvm = jvmArguments({
    heap: cluster.heap,
    quickJit: true,
    cds: cds ?? { use: '' },
    logLevel: cluster.logLevel,
  }).filter((flag) => cds || !flag.startsWith('-XX:SharedArchiveFile='));
  return { command: 'java', args: [...jvm, '-cp', distribution.classpath, 'kafka.Kafka', propertiesFile] };
}
