import path from 'node:path';
import type { ClientConfig } from 'pg';
import { startWorkerThread } from '@app/platform/pg';
import type { ScanRange, ScanResult } from './scan-range';

/**
 * Scans a range in a worker thread (verify-worker.ts), from the TypeScript sources (through the prelude the entry
 * point injected, see startWorkerThread) or from compiled JavaScript. `onProgress` gets the events scanned since its last call.
 */
export function scanInWorker(
  connection: ClientConfig,
  snapshot: string,
  range: ScanRange,
  onProgress: (events: number) => void,
): Promise<ScanResult> {
  const file = path.join(__dirname, `verify-worker${path.extname(__filename)}`);
  return new Promise<ScanResult>((resolve, reject) => {
    const worker = startWorkerThread(file, { workerData: { connection, snapshot, range } });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on(
      'message',
      (message: { progress: number } | { ok: true; result: ScanResult } | { ok: false; error: string }) => {
        if ('progress' in message) onProgress(message.progress);
        else if (message.ok) settle(() => resolve(message.result));
        else settle(() => reject(new Error(`verify worker failed: ${message.error}`)));
      },
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`verify worker exited with code ${code}`))));
  });
}

/** The pool's connection settings, if they can travel to a worker (no password callback, no custom stream). */
export function portableConnection(options: Record<string, unknown>): ClientConfig | null {
  const keys = ['connectionString', 'host', 'port', 'user', 'password', 'database', 'ssl'] as const;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value === 'function') return null;
    out[key] = value;
  }
  if (
    typeof options.stream === 'function' ||
    (options.ssl !== undefined && typeof options.ssl === 'object' && options.ssl !== null)
  )
    return null;
  return out as ClientConfig;
}
