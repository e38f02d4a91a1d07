import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on one of this folder's modules: from the TypeScript sources (through scripts/register.cjs,
 * as `npm start` runs) or from compiled JavaScript. Resolves with the worker's single `{ ok, result | error }` message.
 */
export function runWorker<T>(module: string, workerData: unknown, resourceLimits?: WorkerOptions['resourceLimits']): Promise<T> {
  const file = path.join(__dirname, `${module}${path.extname(__filename)}`);
  const register = path.resolve(__dirname, '../../../../scripts/register.cjs');
  const source = __filename.endsWith('.ts') ? `require(${JSON.stringify(register)}); require(${JSON.stringify(file)});` : `require(${JSON.stringify(file)});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    let settled = false;
    worker.once('message', (message: { ok: true; result: T } | { ok: false; error: string }) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(`replay worker failed: ${message.error}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`replay worker exited with code ${code}`));
    });
  });
}

/**
 * A heap fit for folding millions of events: a young generation large enough that the records folded page after
 * page die young instead of being copied and promoted, and room for one record per dossier.
 */
export function replayHeap(totalMemoryMb: number): WorkerOptions['resourceLimits'] {
  return { maxYoungGenerationSizeMb: 192, maxOldGenerationSizeMb: Math.max(2048, Math.min(8192, Math.floor(totalMemoryMb / 2))) };
}
