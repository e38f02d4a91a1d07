import { isDeepStrictEqual } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { createEventStore } from '@app/event-store';
import { decodeEvent } from '@app/messaging';
import { rebuildReadModels } from '@app/read-models';
import { readModelSnapshot } from '@app/read-models/testing';
import { readWholeLog } from '../../test/kafka/support/log-assertions';
import { readWholeTopic } from '../../test/kafka/support/topic-reader';
import type { Cluster } from './cluster';
import { NOTIFIER_SENDERS } from './app-processes';
import {
  type Acknowledged,
  checkNotifications,
  checkReceipts,
  checkSettled,
  checkTopic,
  describeNotifications,
} from './fault-checks';
import { TOPIC } from './kafka-nodes';
import { readMailLog } from './mail-log';

const SETTLE_LIMIT_MS = 180_000;

export interface Verdict {
  name: string;
  problems: string[];
}

/** After the load: the lags back to zero, then every check of the fault test on what the cluster holds. */
export async function runChecks(
  cluster: Cluster,
  acknowledged: readonly Acknowledged[],
  client: { abandoned: string[]; refused: string[]; giveUpAfterMs: number; say: (line: string) => void },
  /** When each notifier was SIGKILLed (ms since the epoch). */
  notifierKills: readonly number[],
): Promise<Verdict[]> {
  const verdict: Verdict[] = [];
  const started = Date.now();
  const settled = await settle(cluster);
  client.say(
    `lags ${settled.length ? 'NOT back to zero' : 'back to zero'} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  verdict.push({ name: `lags back to ~0 within ${SETTLE_LIMIT_MS / 1000} s`, problems: settled });
  verdict.push({
    name: `every receipt answered (none given up after ${client.giveUpAfterMs / 1000} s of retries, none refused)`,
    problems: [...client.abandoned.map((k) => `abandoned ${k}`), ...client.refused],
  });
  const primary = new Pool({ connectionString: cluster.databaseUrl, max: 4 });
  const standby = new Pool({ connectionString: cluster.standbyUrl, max: 2 });
  try {
    const store = await createEventStore({ kind: 'postgres', pool: primary, migrate: false });
    const log = await readWholeLog(store);
    const received = new Map<string, number>();
    for (const event of log)
      if (event.type === 'DossierReceived') {
        const id = event.streamId.replace(/^dossier-/, '');
        received.set(id, (received.get(id) ?? 0) + 1);
      }
    verdict.push({
      name: `every acknowledged receipt once in the log (${acknowledged.length} acknowledged, ${log.length} events)`,
      problems: checkReceipts(acknowledged, received),
    });

    client.say('read models: the standby now, then a rebuild from the log on the primary, replayed to the standby');
    const live = await readModelSnapshot(standby);
    const rebuild = await rebuildReadModels({ pool: primary, store });
    await standbyCaughtUp(primary);
    const replayed = await readModelSnapshot(standby);
    const modelProblems: string[] = [];
    if (!rebuild.switched) modelProblems.push('the rebuild did not switch over');
    for (const part of ['dossiers', 'unitCounters', 'unitProcedureCounters'] as const)
      if (!isDeepStrictEqual(live[part], replayed[part]))
        modelProblems.push(
          `${part}: ${live[part].length} rows live on the standby, ${replayed[part].length} replayed, contents differ`,
        );
    verdict.push({
      name: `read models on the standby equal a replay of the log (${live.dossiers.length} dossiers)`,
      problems: modelProblems,
    });

    const kafka = new Kafka({ clientId: 'fault-test', brokers: cluster.brokers, logLevel: logLevel.NOTHING });
    const messages = await readWholeTopic(kafka, TOPIC, 120_000);
    const topic = messages.map((m) =>
      decodeEvent({ value: m.value, topic: TOPIC, partition: m.partition, offset: m.offset }),
    );
    verdict.push({
      name: `every event on the topic, in order per dossier (${messages.length} messages for ${log.length} events)`,
      problems: checkTopic(log, topic),
    });
  } finally {
    await primary.end();
    await standby.end();
  }
  if (cluster.processes.some((p) => p.startsWith('notifier-'))) {
    const mail = readMailLog(cluster.mailLog);
    const { problems, tally } = checkNotifications(acknowledged, mail, {
      at: notifierKills,
      senders: NOTIFIER_SENDERS,
    });
    verdict.push({ name: `every notification delivered (${describeNotifications(tally)})`, problems });
  }
  return verdict;
}

/** Waits (bounded) until the projector, relay, notifier and standby lags are zero; the lags left otherwise. */
async function settle(cluster: Cluster): Promise<string[]> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  for (;;) {
    const status = await cluster.status();
    const lag = (prefix: string): number | undefined => {
      const rows = status.filter((s) => s.name.startsWith(prefix) && s.probe?.lag !== undefined);
      return rows.length ? Math.max(...rows.map((s) => s.probe?.lag ?? 0)) : undefined;
    };
    const lags: Record<string, number | undefined> = {
      projector: lag('projector-'),
      relay: lag('relay-'),
      'standby replay (bytes)': lag('postgres-standby'),
      ...(status.some((s) => s.name.startsWith('notifier-')) ? { notifier: lag('notifier-') } : {}),
    };
    // the standby: WAL of idle background work (checkpoints, hint bits) may be in flight
    const problems = checkSettled(lags, { 'standby replay (bytes)': 256 * 1024 });
    if (problems.length === 0 || Date.now() > deadline) return problems;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Until the standby has replayed everything the primary has written (bounded). */
async function standbyCaughtUp(primary: Pool): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await primary.query<{ behind: string | null }>(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS behind FROM pg_stat_replication`,
    );
    if (rows[0] && Number(rows[0].behind) === 0) return;
    if (Date.now() > deadline) throw new Error(`the standby is still ${rows[0]?.behind ?? '?'} bytes behind`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
