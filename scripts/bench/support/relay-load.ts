import type { EventStore, NewEvent } from '@app/event-store';
import { nowMs } from './latency';

/** A dossier-like event; `sentAt` (ms since the epoch, fractional) is when the append was asked for. */
export function benchEvent(i: number, sentAt = 0): NewEvent {
  return {
    type: i % 5 === 0 ? 'DossierReceived' : 'DossierTransferred',
    schemaVersion: 1,
    data: {
      occurredAt: new Date().toISOString(),
      sentAt,
      dossierCode: `000.00.23.H57-200610-${String(i % 10_000).padStart(4, '0')}`,
      unit: 'UBND phường Phú Hội',
      channel: 'counter',
      procedure: '1.001234',
      note: 'x'.repeat(80),
    },
    metadata: { actor: 'bench', unit: 'tth-pvhcc', correlationId: `bench-${i}` },
  };
}

/** Fills the log with `total` events: `writers` concurrent writers, `perAppend` events per append, many streams. */
export async function fillLog(
  store: EventStore,
  total: number,
  options = { writers: 16, perAppend: 100, streamsPerWriter: 50 },
): Promise<number> {
  let next = 0;
  const started = nowMs();
  const writer = async (w: number): Promise<void> => {
    const versions = new Array<number>(options.streamsPerWriter).fill(0);
    for (let k = 0; next < total; k++) {
      next += options.perAppend;
      const s = k % options.streamsPerWriter;
      const version = versions[s] ?? 0;
      await store.append(
        `fill-w${w}-s${s}`,
        Array.from({ length: options.perAppend }, (_, i) => benchEvent(i)),
        { expectedVersion: version },
      );
      versions[s] = version + options.perAppend;
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  return (nowMs() - started) / 1000;
}

/**
 * Appends one event at a time at `rate` events per second for `seconds` (open loop: an append does not wait for
 * the previous one), each to one of `streams` dossiers. Returns the number appended.
 */
export async function pacedAppends(
  store: EventStore,
  options: { rate: number; seconds: number; streams: number },
): Promise<number> {
  const total = Math.round(options.rate * options.seconds);
  const started = nowMs();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - nowMs();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.timeOrigin + performance.now();
    pending.push(store.append(`live-${i % options.streams}`, [benchEvent(i, sentAt)]));
  }
  await Promise.all(pending);
  return total;
}
