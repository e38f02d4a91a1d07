/**
 * The local broker's configuration (or, with `quorum`, one node of a local cluster): one KRaft node that is broker and controller, on loopback, sized for a
 * 2-core machine and for quick start-up (one partition for internal topics, no initial rebalance delay).
 */
export function brokerProperties(options: {
  port: number;
  controllerPort: number;
  dataDir: string;
  partitions: number;
  /** One node of a cluster (scripts/cluster): its id, every voter (`id@host:controllerPort`, …), the replication. */
  quorum?: { nodeId: number; voters: string; replication: number; minInsync: number };
}): string {
  const { port, controllerPort, dataDir, partitions, quorum } = options;
  const replication = quorum?.replication ?? 1;
  const minInsync = quorum?.minInsync ?? 1;
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': quorum?.nodeId ?? 1,
    'controller.quorum.voters': quorum?.voters ?? `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': dataDir,
    'num.partitions': partitions,
    'default.replication.factor': replication,
    'min.insync.replicas': minInsync,
    'offsets.topic.replication.factor': replication,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': replication,
    'transaction.state.log.min.isr': minInsync,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': replication,
    'share.coordinator.state.topic.min.isr': minInsync,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': true,
    'auto.leader.rebalance.enable': false,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'background.threads': 2,
    'log.cleaner.threads': 1,
    'num.recovery.threads.per.data.dir': 1,
    'log.retention.hours': 168,
  };
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/**
 * JVM flags: a small heap, the serial collector (2 cores), quiet slf4j-simple logging except the "started" line
 * (`logLevel: 'info'` for a reproduction: elections, ISR changes, truncations), and class-data sharing: the first
 * clean run writes an archive of the loaded classes, later runs map it.
 */
export function jvmArguments(options: {
  heap: string;
  quickJit: boolean;
  cds: { use: string } | { write: string };
  logLevel?: 'warn' | 'info';
}): string[] {
  return [
    `-Xmx${options.heap}`,
    '-Xms128m',
    '-XX:+UseSerialGC',
    '-XX:-UsePerfData',
    ...(options.quickJit ? ['-XX:TieredStopAtLevel=1'] : []),
    'use' in options.cds ? `-XX:SharedArchiveFile=${options.cds.use}` : `-XX:ArchiveClassesAtExit=${options.cds.write}`,
    '-Xlog:cds=off',
    '-Xlog:cds+dynamic=off',
    '-Djava.awt.headless=true',
    `-Dorg.slf4j.simpleLogger.defaultLogLevel=${options.logLevel ?? 'warn'}`,
    '-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info',
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
  ];
}
