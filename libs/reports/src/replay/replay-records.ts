import { type DossierRecord, evolveRecord, toDossierEvent } from '@app/domain';
import { type Checkpoint, type EventPayload, type EventStore, type ReadAllPage, START } from '@app/event-store';
import { eventsByDossier } from '@app/read-models';
import { type LogBound, pastBound, withinBound } from './log-bound';
import { RecordInterner } from './record-interner';

export interface ReplayOptions {
  /** Only events recorded at or before this instant: the log as it was known then. */
  recordedUpTo?: Date;
  /** Only the events up to this position of the log (a filing's position, tx:pos, or a global position). */
  upTo?: LogBound;
  /** Events per page (default 10000). */
  pageSize?: number;
}

export interface ReplayResult {
  records: DossierRecord[];
  events: number;
  checkpoint: Checkpoint;
  seconds: number;
}

/**
 * The auditor's recomputation: reads the whole global log through the EventStore port (gap-safe pages, optionally
 * only what was recorded up to an instant) and folds each dossier's events, in stream order, with the domain's
 * evolveRecord — i.e. dossierRecordFrom(stream) for every dossier, without holding millions of events in memory.
 * Nothing from the read models is used.
 */
export async function replayRecords(store: EventStore, options: ReplayOptions = {}): Promise<ReplayResult> {
  const started = Date.now();
  const limit = options.pageSize ?? 10_000;
  const read = (after: Checkpoint): Promise<ReadAllPage<EventPayload>> =>
    store.readAllPayloads({ after, limit, ...(options.recordedUpTo ? { recordedUpTo: options.recordedUpTo } : {}) });
  const records = new Map<string, DossierRecord | null>();
  const interner = new RecordInterner();
  let events = 0;
  let checkpoint: Checkpoint = START;
  let next = read(checkpoint);
  for (;;) {
    const page = await next;
    if (page.events.length === 0) break;
    checkpoint = page.checkpoint;
    const bound = options.upTo;
    const last = page.events[page.events.length - 1] as EventPayload;
    const done = bound !== undefined && pastBound(last, bound);
    if (!done) {
      next = read(checkpoint);
      next.catch(() => undefined);
    }
    const kept = bound ? page.events.filter((e) => withinBound(e, bound)) : page.events;
    // Per page, each dossier's events are folded together: the records in between die young.
    for (const [id, list] of eventsByDossier(kept)) {
      const before = records.get(id) ?? null;
      let record = before;
      for (const recorded of list) {
        const event = toDossierEvent(recorded);
        if (event === null) continue;
        events++;
        record = evolveRecord(record, event);
      }
      records.set(id, record && interner.intern(record, before));
    }
    if (done) break;
  }
  await next.catch(() => undefined);
  const folded = [...records.values()].filter((r): r is DossierRecord => r !== null);
  return { records: folded, events, checkpoint, seconds: (Date.now() - started) / 1000 };
}
