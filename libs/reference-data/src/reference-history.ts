import { canonicalJson, type RecordedEvent } from '@app/event-store';
import { type ReferenceDataReplacedData, type ReferenceKind } from './reference-data';

/** What one version did to an entry (a unit's or a procedure's version by id/code and start date; a calendar year). */
export interface EntryDifference {
  key: string;
  /** Units and procedures: the version of the entry (its first day in force). */
  validFrom?: string;
  /** ended: only its end date (validTo) was set; removed: left out (refused since, kept for old logs). */
  change: 'added' | 'changed' | 'ended' | 'removed';
  /** The fields that differ (changed, ended). */
  fields?: string[];
}

/** One version of a kind of reference data: who recorded it, when, from where, and what it changed. */
export interface ReferenceVersion {
  version: number;
  recordedAt: string;
  occurredAt: string;
  actor: string | null;
  actorName: string | null;
  source: string;
  /** Set when one entry was put through PUT /reference/{kind}/{key}. */
  entry: ReferenceDataReplacedData['entry'] | null;
  entries: number;
  changes: EntryDifference[];
  globalPosition: number;
  hash: string;
}

type Entry = Record<string, unknown>;

/** The identity of an entry across versions, and its key as the API names it. */
function identify(kind: ReferenceKind, entry: Entry): { id: string; key: string; validFrom?: string } {
  if (kind === 'calendar') return { id: String(entry.year), key: String(entry.year) };
  const key = String(kind === 'units' ? entry.id : entry.code);
  const validFrom = typeof entry.validFrom === 'string' ? entry.validFrom : undefined;
  return { id: `${key}@${validFrom ?? ''}`, key, ...(validFrom ? { validFrom } : {}) };
}

/** The entries added, changed, ended or removed from one set to the next, in the new set's order. */
export function differences(kind: ReferenceKind, before: readonly Entry[], after: readonly Entry[]): EntryDifference[] {
  const previous = new Map(before.map((e) => [identify(kind, e).id, e]));
  const out: EntryDifference[] = [];
  const seen = new Set<string>();
  for (const entry of after) {
    const { id, key, validFrom } = identify(kind, entry);
    seen.add(id);
    const old = previous.get(id);
    const where = { key, ...(validFrom ? { validFrom } : {}) };
    if (!old) {
      out.push({ ...where, change: 'added' });
      continue;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(entry)])]
      .filter((f) => canonicalJson(old[f] ?? null) !== canonicalJson(entry[f] ?? null))
      .sort();
    if (fields.length === 0) continue;
    const ended = fields.length === 1 && fields[0] === 'validTo' && (old.validTo ?? null) === null;
    out.push({ ...where, change: ended ? 'ended' : 'changed', fields });
  }
  for (const [id, entry] of previous) {
    if (seen.has(id)) continue;
    const { key, validFrom } = identify(kind, entry);
    out.push({ key, ...(validFrom ? { validFrom } : {}), change: 'removed' });
  }
  return out;
}

/** Every version of a kind from its stream's ReferenceDataReplaced events, oldest first. */
export function referenceHistory(kind: ReferenceKind, events: readonly RecordedEvent[]): ReferenceVersion[] {
  let before: readonly Entry[] = [];
  return events.map((event) => {
    const data = event.data as unknown as ReferenceDataReplacedData;
    const records = data.records as unknown as Entry[];
    const changes = differences(kind, before, records);
    before = records;
    const metadata = event.metadata;
    return {
      version: event.streamPosition,
      recordedAt: event.recordedAt.toISOString(),
      occurredAt: data.occurredAt,
      actor: typeof metadata.actor === 'string' ? metadata.actor : null,
      actorName: typeof metadata.actorName === 'string' ? metadata.actorName : null,
      source: data.source,
      entry: data.entry ?? null,
      entries: records.length,
      changes,
      globalPosition: event.globalPosition,
      hash: event.hash,
    };
  });
}
