import path from 'node:path';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startWorkerThread } from '@app/platform/pg';

/**
 * Starts a worker thread on one of this folder's modules: from the TypeScript sources (through the prelude the entry
 * point injected, see startWorkerThread) or from compiled JavaScript. Resolves with the worker's single `{ ok, result | error }` message.
 */
export function runWorker<T>(
  module: string,
  workerData: unknown,
  resourceLimits?: WorkerOptions['resourceLimits'],
): Promise<T> {
  return new WorkerConversation(module, workerData, resourceLimits).next<T>();
}

/** A worker thread answering `{ ok, result | error }` messages, one per question (the first comes unasked). */
export class WorkerConversation {
  private readonly worker: Worker;
  private waiting?: { resolve: (value: unknown) => void; reject: (error: Error) => void };
  private failure?: Error;

  constructor(module: string, workerData: unknown, resourceLimits?: WorkerOptions['resourceLimits']) {
    const file = path.join(__dirname, `${module}${path.extname(__filename)}`);
    this.worker = startWorkerThread(file, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    const fail = (error: Error) => {
      this.failure ??= error;
      this.waiting?.reject(error);
      this.waiting = undefined;
    };
    this.worker.on('message', (message: { ok: true; result: unknown } | { ok: false; error: string }) => {
      if (!message.ok) return fail(new Error(`replay worker failed: ${message.error}`));
      this.waiting?.resolve(message.result);
      this.waiting = undefined;
    });
    this.worker.once('error', fail);
    this.worker.once('exit', (code) => fail(new Error(`replay worker exited with code ${code}`)));
  }

  /** The worker's next answer (after sending `question`, if given). */
  next<T>(question?: unknown): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<T>(
      (resolve, reject) => (this.waiting = { resolve: resolve as (value: unknown) => void, reject }),
    );
    if (question !== undefined) this.worker.postMessage(question);
    return answer;
  }
}

/**
 * A heap fit for folding millions of events: a young generation large enough that the records folded page after
 * page die young instead of being copied and promoted, and room for one record per dossier.
 */
export function replayHeap(totalMemoryMb: number): WorkerOptions['resourceLimits'] {
  return {
    maxYoungGenerationSizeMb: 192,
    maxOldGenerationSizeMb: Math.max(2048, Math.min(8192, Math.floor(totalMemoryMb / 2))),
  };
}
