import type { Subscription } from '../event-store.port';

/**
 * Waits for the subscription to end, stopping it when `signal` aborts — also if it aborted before this call.
 * Settles as `done` does: resolves on a stop, rejects with the handler's error.
 */
export async function untilStopped(subscription: Subscription, signal: AbortSignal): Promise<void> {
  const stop = (): void => void subscription.stop().catch(() => undefined);
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  try {
    await subscription.done;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** True if `promise` settles within `ms` (either way). */
export async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => true as const,
        () => true as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
