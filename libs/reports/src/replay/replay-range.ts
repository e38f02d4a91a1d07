import { type DossierEvent, type DossierRecord, evolveRecord } from '@app/domain';
import { type Checkpoint, type EventStore, type RecordedEvent } from '@app/event-store';
import { eventsByDossier, toDossierEvent } from '@app/read-models';
import { RecordInterner } from './record-interner';

/** A slice of the global log: events with transaction id ≥ `fromTransaction` (all when null) and < `toTransaction`. */
export interface LogRange {
  fromTransaction: string | null;
  toTransaction: string | null;
  recordedUpTo?: string;
  pageSize: number;
}

/**
 * What folding one range gives: the records of the dossiers whose stream starts in the range (folded from
 * nothing), and for dossiers that started before it, their events in the range — to be folded onto the record the
 * earlier ranges give.
 */
export interface RangeFold {
  started: [string, DossierRecord | null][];
  tails: [string, DossierEvent[]][];
  events: number;
}

/** Checkpoint just before the first event of transaction `tx`. */
export function beforeTransaction(tx: string): Checkpoint {
  return { transactionId: (BigInt(tx) - 1n).toString(), globalPosition: Number.MAX_SAFE_INTEGER };
}

/** Reads one range through the EventStore port and folds it with the domain's evolveRecord. */
export async function foldRange(store: EventStore, range: LogRange): Promise<RangeFold> {
  const end = range.toTransaction === null ? null : BigInt(range.toTransaction);
  const upTo = range.recordedUpTo ? new Date(range.recordedUpTo) : undefined;
  const read = (after: Checkpoint) => store.readAll({ after, limit: range.pageSize, ...(upTo ? { recordedUpTo: upTo } : {}) });
  const started = new Map<string, DossierRecord | null>();
  const tails = new Map<string, DossierEvent[]>();
  const interner = new RecordInterner();
  let events = 0;
  let next = read(range.fromTransaction === null ? { transactionId: '0', globalPosition: 0 } : beforeTransaction(range.fromTransaction));
  for (;;) {
    const page = await next;
    let list: readonly RecordedEvent[] = page.events;
    let done = list.length === 0;
    if (end !== null) {
      const cut = list.findIndex((e) => BigInt(e.transactionId) >= end);
      if (cut >= 0) {
        list = list.slice(0, cut);
        done = true;
      }
    }
    if (!done) {
      next = read(page.checkpoint);
      next.catch(() => undefined);
    }
    for (const [id, streamEvents] of eventsByDossier(list)) {
      let tail = tails.get(id);
      if (tail === undefined && !started.has(id) && (streamEvents[0] as RecordedEvent).streamPosition !== 1) {
        tail = [];
        tails.set(id, tail);
      }
      let record = started.get(id) ?? null;
      for (const recorded of streamEvents) {
        const event = toDossierEvent(recorded);
        if (event === null) continue;
        events++;
        if (tail) tail.push(event);
        else record = evolveRecord(record, event);
      }
      if (!tail) started.set(id, record && interner.intern(record));
    }
    if (done) break;
  }
  return { started: [...started], tails: [...tails], events };
}

/** Merges the folds of consecutive ranges, in log order, into the final records. */
export function mergeRangeFolds(folds: readonly RangeFold[]): DossierRecord[] {
  const records = new Map<string, DossierRecord | null>();
  const interner = new RecordInterner();
  for (const fold of folds) {
    for (const [id, tail] of fold.tails) {
      let record = records.get(id) ?? null;
      for (const event of tail) record = evolveRecord(record, event);
      records.set(id, record && interner.intern(record));
    }
    for (const [id, record] of fold.started) records.set(id, record && interner.intern(record));
  }
  return [...records.values()].filter((r): r is DossierRecord => r !== null);
}
