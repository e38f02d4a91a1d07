import type { HistoryEntry } from '../api/types';

/** The correctable values as they stood just before each correction, so it can be shown against them. */
export function valuesBefore(events: readonly HistoryEntry[]): Map<number, Record<string, unknown>> {
  const current: Record<string, unknown> = {};
  const before = new Map<number, Record<string, unknown>>();
  for (const e of events) {
    if (e.type === 'DossierReceived') {
      for (const key of ['receivedAt', 'channel', 'receivingUnitId', 'competentUnitId', 'procedureCode', 'dueDate'])
        current[key] = e.data[key];
      current.timeLimit = e.data.timeLimit;
    } else if (e.type === 'ResultRecorded') current.resultAt = e.occurredAt;
    else if (e.type === 'SupplementReceived' && 'newDueDate' in e.data) current.dueDate = e.data.newDueDate;
    else if (e.type === 'EntryCorrected') {
      before.set(e.position, { ...current });
      Object.assign(current, (e.data.changes ?? {}) as Record<string, unknown>);
    }
  }
  return before;
}

/** Which entries were corrected, and by which correction (position → the correcting entries' positions). */
export function correctedBy(events: readonly HistoryEntry[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const e of events) {
    const target = e.type === 'EntryCorrected' ? e.data.correctsPosition : undefined;
    if (typeof target === 'number') map.set(target, [...(map.get(target) ?? []), e.position]);
  }
  return map;
}
