import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The environment variable through which the process's entry point tells worker threads how it loads TypeScript:
 * the path of a module to require before the worker's own file (scripts/register.cjs sets it when it is loaded;
 * jest.config.js for the tests). Compiled JavaScript needs none. Libs never name a file of scripts/ themselves.
 */
export const TS_WORKER_PRELUDE = 'TS_WORKER_PRELUDE';

/** A worker thread running `file` (a .ts source through the injected prelude, or compiled .js as it is). */
export function startWorkerThread(file: string, options: WorkerOptions = {}): Worker {
  const prelude = process.env[TS_WORKER_PRELUDE];
  if (file.endsWith('.ts') && !prelude) {
    throw new Error(
      `${file} is TypeScript: set ${TS_WORKER_PRELUDE} to the module that loads TypeScript (scripts/register.cjs sets it)`,
    );
  }
  const requires = file.endsWith('.ts') ? [prelude as string, file] : [file];
  return new Worker(requires.map((f) => `require(${JSON.stringify(f)});`).join(' '), { ...options, eval: true });
}
