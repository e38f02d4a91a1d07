import { spawnSync } from 'node:child_process';
import { startLocalKafka } from '../../kafka/kafka-broker';
import { KAFKA_VERSION } from '../../kafka/kafka-distribution';

/** The broker of a relay bench run: KAFKA_BROKERS, or a local Apache Kafka started here (full JIT, 512 MiB heap). */
export interface BenchKafka {
  brokers: string[];
  where: string;
  close(): Promise<void>;
}

export async function openBenchKafka(): Promise<BenchKafka> {
  if (process.env.KAFKA_BROKERS) {
    return {
      brokers: process.env.KAFKA_BROKERS.split(','),
      where: `KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`,
      close: async () => undefined,
    };
  }
  const started = Date.now();
  const broker = await startLocalKafka({ quickJit: false, heap: '512m', partitions: 6 });
  const java = /version "([^"]+)"/.exec(spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? '')?.[1] ?? '?';
  return {
    brokers: broker.brokers,
    where: `local Apache Kafka ${KAFKA_VERSION} (KRaft single node, Java ${java}, -Xmx512m, started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    close: () => broker.stop(),
  };
}
