import type { Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { activeGeneration } from '../generations/generation-repository';
import { SessionLock } from '@app/platform/pg';
import { PROJECTOR_LOCK, Projector } from './projector';

export type CatchUpOutcome = 'up-to-date' | 'projected' | 'followed' | 'timed-out';

/** True when the active generation has applied every event readable now. */
export async function readModelsCaughtUp(pool: Pool, store: EventStore): Promise<boolean> {
  const generation = await activeGeneration(pool);
  const page = await store.readAll({ after: generation.checkpoint, limit: 1 });
  return page.events.length === 0;
}

/** Waits until whichever projector runs (this process's or another's) has caught up with the log. */
export async function waitForReadModels(options: {
  pool: Pool;
  store: EventStore;
  timeoutMs?: number;
}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (await readModelsCaughtUp(options.pool, options.store)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Brings the read models up to the log before a one-off read: when no projector runs, projects the pending events
 * here; when one runs (it holds the lock), waits for it.
 */
export async function catchUpReadModels(options: {
  pool: Pool;
  store: EventStore;
  timeoutMs?: number;
}): Promise<CatchUpOutcome> {
  if (await readModelsCaughtUp(options.pool, options.store)) return 'up-to-date';
  if (!(await lockIsFree(options.pool))) return (await waitForReadModels(options)) ? 'followed' : 'timed-out';
  const projector = new Projector({ pool: options.pool, store: options.store, batchSize: 5000 });
  projector.start();
  try {
    return (await waitForReadModels(options)) ? 'projected' : 'timed-out';
  } finally {
    await projector.stop();
  }
}

function lockIsFree(pool: Pool): Promise<boolean> {
  return SessionLock.isFree(pool, PROJECTOR_LOCK);
}
