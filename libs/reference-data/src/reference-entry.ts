import type { CalendarYear, OrganisationUnit, Procedure } from '@app/domain';
import type { ReferenceKind } from './reference-data';

export type ReferenceEntry = OrganisationUnit | Procedure | CalendarYear;
/** A whole set of one kind. */
export type ReferenceSet = readonly OrganisationUnit[] | readonly Procedure[] | readonly CalendarYear[];

/** What a per-entry change did to the set in force. */
export type EntryChange = 'added' | 'changed' | 'unchanged';

/** What identifies an entry across versions: a unit's id, a procedure's code, a calendar's year. */
export function entryKey(kind: ReferenceKind, entry: ReferenceEntry): string {
  if (kind === 'units') return (entry as OrganisationUnit).id;
  if (kind === 'procedures') return (entry as Procedure).code;
  return String((entry as CalendarYear).year);
}

/**
 * The set with one entry put in: a unit or procedure replaces its version that starts the same day (`validFrom`) —
 * a change of that version, or its end (`validTo`) — or is added as a new version (which must not overlap the
 * others: checked with the whole set); a calendar year replaces that year or is added. Nothing is ever taken out.
 */
export function withEntry<E extends ReferenceEntry>(
  kind: ReferenceKind,
  current: readonly E[],
  entry: E,
): { records: E[]; change: EntryChange } {
  const key = entryKey(kind, entry);
  const sameVersion = (other: E) =>
    entryKey(kind, other) === key &&
    (kind === 'calendar' || (other as Procedure).validFrom === (entry as Procedure).validFrom);
  const at = current.findIndex(sameVersion);
  if (at < 0)
    return {
      records: [...current, entry],
      change: current.some((o) => entryKey(kind, o) === key) ? 'changed' : 'added',
    };
  if (canonical(current[at]) === canonical(entry)) return { records: [...current], change: 'unchanged' };
  const records = [...current];
  records[at] = entry;
  return { records, change: 'changed' };
}

/** JSON with the keys of every object sorted (the log's jsonb keeps its own key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
