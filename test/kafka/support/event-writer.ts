import type { EventStore, NewEvent } from '@app/event-store';

/** Dossier-like events for load: `count` events of one stream, numbered from `from`. */
export function dossierEvents(count: number, from: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: from + i === 1 ? 'DossierReceived' : 'DossierStepRecorded',
    schemaVersion: 1,
    data: { occurredAt: new Date().toISOString(), step: from + i, note: 'Hồ sơ thủ tục hành chính — bước xử lý' },
    metadata: { actor: 'clerk-test', unit: 'tth-pvhcc', correlationId: `corr-${from + i}` },
  }));
}

/**
 * Appends to `streams` streams until stopped: `perAppend` events per append, `every` ms apart. Returns how many
 * events it appended.
 */
export function startWriter(
  store: EventStore,
  options: { prefix: string; streams: number; perAppend: number; every: number },
): { stop(): Promise<number> } {
  const versions = new Array<number>(options.streams).fill(0);
  let running = true;
  let appended = 0;
  const loop = (async () => {
    for (let k = 0; running; k++) {
      const s = k % options.streams;
      const version = versions[s] ?? 0;
      await store.append(`${options.prefix}-${s}`, dossierEvents(options.perAppend, version + 1), {
        expectedVersion: version,
      });
      versions[s] = version + options.perAppend;
      appended += options.perAppend;
      await new Promise((resolve) => setTimeout(resolve, options.every));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return appended;
    },
  };
}
