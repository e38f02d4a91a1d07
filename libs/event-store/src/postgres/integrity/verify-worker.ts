import { parentPort, workerData } from 'node:worker_threads';
import { Client, type ClientConfig } from 'pg';
import { type ScanRange, scanRange } from './scan-range';

/**
 * A worker thread of verifyLog: scans one range of the log on its own connection, in the coordinator's snapshot
 * (so every worker sees the same log), posting `{ progress }` now and then and `{ ok, result | error }` at the end.
 */
async function run(): Promise<void> {
  const { connection, snapshot, range } = workerData as {
    connection: ClientConfig;
    snapshot: string;
    range: ScanRange;
  };
  const client = new Client(connection);
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/[^0-9A-Fa-f-]/g, '')}'`);
    let posted = 0;
    const result = await scanRange(client, range, (events) => {
      parentPort?.postMessage({ progress: events - posted });
      posted = events;
    });
    await client.query('COMMIT');
    parentPort?.postMessage({ ok: true, result }, [result.lanes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  } finally {
    await client.end().catch(() => undefined);
  }
}

void run();
