import {
  type DossierEvent,
  type DossierRecord,
  type Figures,
  addFigures,
  emptyFigures,
  evolveRecord,
  toDossierEvent,
} from '@app/domain';
import { type Checkpoint, type EventPayload, type EventStore } from '@app/event-store';
import { eventsByDossier } from '@app/read-models';
import { type LogBound, pastBound, withinBound } from './log-bound';
import { RecordInterner } from './record-interner';
import { type ReplayFiguresRequest, figuresOfRecords } from './replay-figures';

/** A slice of the global log: events with transaction id ≥ `fromTransaction` (all when null) and < `toTransaction`. */
export interface LogRange {
  fromTransaction: string | null;
  toTransaction: string | null;
  recordedUpTo?: string;
  /** Only the events up to this position (see LogBound). */
  upTo?: LogBound;
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

/** Reads one range through the EventStore port (payloads: the fold needs no audit fields) and folds it with the domain's evolveRecord. */
export async function foldRange(store: EventStore, range: LogRange): Promise<RangeFold> {
  const end = range.toTransaction === null ? null : BigInt(range.toTransaction);
  const upTo = range.recordedUpTo ? new Date(range.recordedUpTo) : undefined;
  const read = (after: Checkpoint) =>
    store.readAllPayloads({ after, limit: range.pageSize, ...(upTo ? { recordedUpTo: upTo } : {}) });
  const started = new Map<string, DossierRecord | null>();
  const tails = new Map<string, DossierEvent[]>();
  const interner = new RecordInterner();
  let events = 0;
  let next = read(
    range.fromTransaction === null
      ? { transactionId: '0', globalPosition: 0 }
      : beforeTransaction(range.fromTransaction),
  );
  for (;;) {
    const page = await next;
    let list: readonly EventPayload[] = page.events;
    let done = list.length === 0;
    const last = list[list.length - 1];
    if (end !== null && last && BigInt(last.transactionId) >= end) {
      const cut = list.findIndex((e) => BigInt(e.transactionId) >= end);
      if (cut >= 0) {
        list = list.slice(0, cut);
        done = true;
      }
    }
    const bound = range.upTo;
    if (bound && list.length > 0) {
      if (pastBound(list[list.length - 1] as EventPayload, bound)) done = true;
      list = list.filter((e) => withinBound(e, bound));
    }
    if (!done) {
      next = read(page.checkpoint);
      next.catch(() => undefined);
    }
    for (const [id, streamEvents] of eventsByDossier(list)) {
      let tail = tails.get(id);
      if (tail === undefined && !started.has(id) && (streamEvents[0] as EventPayload).streamPosition !== 1) {
        tail = [];
        tails.set(id, tail);
      }
      const before = started.get(id) ?? null;
      let record = before;
      for (const recorded of streamEvents) {
        const event = toDossierEvent(recorded);
        if (event === null) continue;
        events++;
        if (tail) tail.push(event);
        else record = evolveRecord(record, event);
      }
      if (!tail) started.set(id, record && interner.intern(record, before));
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

/** Figures of a range's own dossiers, and the records later ranges still add to (sent on for merging). */
export interface RangeResult {
  figures: [string, Figures][];
  exported: [string, DossierRecord | null][];
}

/**
 * Once every range is folded: the dossiers that started in this range and have events in no later range are final
 * — their figures are computed here; the others (`continued`, known from the later ranges' tails) are sent on.
 */
export function finishRange(
  fold: Pick<RangeFold, 'started'>,
  continued: ReadonlySet<string>,
  request: ReplayFiguresRequest,
): RangeResult {
  const final: DossierRecord[] = [];
  const exported: [string, DossierRecord | null][] = [];
  for (const [id, record] of fold.started) {
    if (continued.has(id)) exported.push([id, record]);
    else if (record !== null) final.push(record);
  }
  return { figures: figuresOfRecords(final, request), exported };
}

/**
 * Merges the ranges' results in log order: the exported records of each range, the later ranges' tails folded onto
 * them, their figures added to the ranges' own (figures of disjoint sets of dossiers add up: addFigures).
 */
export function mergeRangeResults(
  results: readonly RangeResult[],
  tails: readonly (readonly [string, DossierEvent[]][])[],
  request: ReplayFiguresRequest,
): [string, Figures][] {
  const records = new Map<string, DossierRecord | null>();
  results.forEach((result, k) => {
    for (const [id, tail] of tails[k] ?? []) {
      let record = records.get(id) ?? null;
      for (const event of tail) record = evolveRecord(record, event);
      records.set(id, record);
    }
    for (const [id, record] of result.exported) records.set(id, record);
  });
  const merged = [...records.values()].filter((r): r is DossierRecord => r !== null);
  const totals = new Map<string, Figures>();
  for (const [key, figures] of [...results.flatMap((r) => r.figures), ...figuresOfRecords(merged, request)]) {
    totals.set(key, addFigures(totals.get(key) ?? emptyFigures(), figures));
  }
  return [...totals];
}
