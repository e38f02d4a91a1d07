import type { Checkpoint, ReadAllPage, SubscribeOptions, Subscription } from '../event-store.port';
import { sleep } from '@app/platform/pg';
import { Waker } from './waker';

export interface PollingSubscriptionDeps {
  read(after: Checkpoint, limit: number, types: string[] | undefined): Promise<ReadAllPage>;
  /** Wakes the subscription on new events (e.g. LISTEN/NOTIFY); returns the unregister function. */
  register(waker: Waker): () => void;
  /** The fallback: read again after this long without a wake-up. */
  pollIntervalMs: number;
}

const QUICK_RETRY_MS = 5;
const DEFAULT_BATCH = 500;

interface CaughtUpWaiter {
  minRead: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Catch-up in pages, then live: reads a page, hands it to `handle`, and when a page is not full waits for a wake-up
 * or the poll interval. After a wake-up, an empty read is retried quickly (5 ms, doubling up to the poll interval):
 * an event may be held back by an older transaction still in flight, which ends without notifying anyone. With
 * `coalesceMs`, a wake-up is followed by that pause before the read, so that commits arriving meanwhile share it.
 * A failed read is reported (`onReadError`) and tried again after a pause; it never ends the subscription.
 */
export function startPollingSubscription(deps: PollingSubscriptionDeps, options: SubscribeOptions): Subscription {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const waker = new Waker();
  const unregister = deps.register(waker);
  const waiters: CaughtUpWaiter[] = [];
  let checkpoint = options.from;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let reads = 0;

  const settle = (upTo: number, error?: unknown): void => {
    for (let i = waiters.length - 1; i >= 0; i -= 1) {
      const waiter = waiters[i] as CaughtUpWaiter;
      if (error === undefined && waiter.minRead > upTo) continue;
      waiters.splice(i, 1);
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  };

  const loop = async (): Promise<void> => {
    let quick = 0;
    let failures = 0;
    while (!stopped) {
      const read = ++reads;
      let page: ReadAllPage;
      try {
        page = await deps.read(checkpoint, batchSize, options.types);
      } catch (error) {
        failures += 1;
        options.onReadError?.(error, failures);
        await waker.wait(Math.min(250 * 2 ** failures, 5000));
        continue;
      }
      if (failures > 0) options.onReadRecovered?.(failures);
      failures = 0;
      if (stopped) break;
      if (page.events.length > 0) await options.handle(page.events, page.checkpoint);
      checkpoint = page.checkpoint;
      if (page.events.length >= batchSize) continue;
      settle(read);
      const delay = quick > 0 ? quick : deps.pollIntervalMs;
      const woken = await waker.wait(delay);
      if (woken && options.coalesceMs && !stopped) await sleep(options.coalesceMs);
      if (woken) quick = QUICK_RETRY_MS;
      else if (quick > 0) quick = quick * 2 >= deps.pollIntervalMs ? 0 : quick * 2;
    }
  };

  const done = loop().then(
    () => {
      unregister();
      settle(Number.MAX_SAFE_INTEGER);
    },
    (error: unknown) => {
      stopped = true;
      failure = { error };
      unregister();
      settle(0, error);
      throw error;
    },
  );
  done.catch(() => undefined);

  return {
    get checkpoint() {
      return checkpoint;
    },
    caughtUp: () =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure.error);
        if (stopped) return resolve();
        waiters.push({ minRead: reads + 1, resolve, reject });
        waker.wake();
      }),
    stop: async () => {
      stopped = true;
      waker.wake();
      await done.catch(() => undefined);
    },
    done,
  };
}
