import { type DossierEvent, dossierStreamId } from '@app/domain';
import type { EventStore, NewEvent } from '@app/event-store';

export interface History {
  dossierId: string;
  events: readonly DossierEvent[];
}

export const toNewEvent = (event: DossierEvent): NewEvent => ({
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: { ...event.data },
});

/**
 * Appends dossier histories through the EventStore port, `perAppend` new streams per atomic appendToStreams call,
 * up to `inFlight` calls at a time (the store's group commit coalesces them).
 */
export async function appendHistories(
  store: EventStore,
  histories: Iterable<History>,
  options: { perAppend?: number; inFlight?: number; onProgress?: (events: number, dossiers: number) => void } = {},
): Promise<{ dossiers: number; events: number }> {
  const perAppend = options.perAppend ?? 200;
  const inFlight = options.inFlight ?? 4;
  const running = new Set<Promise<void>>();
  let dossiers = 0;
  let events = 0;
  let chunk: History[] = [];
  const flush = async (): Promise<void> => {
    const appends = chunk
      .filter((h) => h.events.length > 0)
      .map((h) => ({
        streamId: dossierStreamId(h.dossierId),
        events: h.events.map(toNewEvent),
        expectedVersion: 'no_stream' as const,
      }));
    chunk = [];
    if (appends.length === 0) return;
    const task: Promise<void> = store.appendToStreams(appends).then((results) => {
      dossiers += results.length;
      events += results.reduce((sum, r) => sum + r.events.length, 0);
      options.onProgress?.(events, dossiers);
    });
    running.add(task);
    void task.finally(() => running.delete(task)).catch(() => undefined);
    if (running.size >= inFlight) await Promise.race(running);
  };
  for (const history of histories) {
    chunk.push(history);
    if (chunk.length >= perAppend) await flush();
  }
  await flush();
  await Promise.all(running);
  return { dossiers, events };
}
