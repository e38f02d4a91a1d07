import type { LocalDate } from '../time/local-date';

/**
 * Reference records are effective-dated and never rewritten: a change is a new version with its own interval.
 * `validFrom` is the first local date in force; `validTo` is the first local date NO LONGER in force
 * (exclusive, as in "hết hiệu lực kể từ ngày …"), or null while still in force. So a successor's validFrom
 * equals its predecessor's validTo, with no gap and no overlap.
 */
export interface EffectiveDated {
  validFrom: LocalDate;
  validTo: LocalDate | null;
}

export function isEffectiveOn(record: EffectiveDated, date: LocalDate): boolean {
  return record.validFrom <= date && (record.validTo === null || date < record.validTo);
}

export function intervalsOverlap(a: EffectiveDated, b: EffectiveDated): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo <= b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo <= a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Groups versions by key; returns the first pair of versions of one key whose intervals overlap, if any. */
export function findOverlap<T extends EffectiveDated>(
  records: readonly T[],
  key: (record: T) => string,
): [T, T] | null {
  const byKey = new Map<string, T[]>();
  for (const record of records) {
    const versions = byKey.get(key(record)) ?? [];
    for (const other of versions) if (intervalsOverlap(other, record)) return [other, record];
    versions.push(record);
    byKey.set(key(record), versions);
  }
  return null;
}
