import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type CalendarYear, type OrganisationUnit, type Procedure, checkRegistryReplacement } from '@app/domain';
import { EVENT_STORE, type EventStore, type ExpectedVersion, isWrongExpectedVersion } from '@app/event-store';
import { type EntryChange, type ReferenceEntry, type ReferenceSet, entryKey, withEntry } from './reference-entry';
import { type ReferenceVersion, referenceHistory } from './reference-history';
import { SHIPPED_REFERENCE_RECORDS } from './shipped-reference';
import {
  REFERENCE_DATA_REPLACED,
  REFERENCE_KINDS,
  type ReferenceDataReplacedData,
  type ReferenceKind,
  type ReferenceRecords,
  type ReferenceSnapshot,
  buildSnapshot,
  referenceStreamId,
} from './reference-data';

const REFRESH_MS = 5_000;

/**
 * Reference data read from its streams and kept in memory. The first start records the shipped sample set; an
 * administrator replaces a kind by appending a new `ReferenceDataReplaced` event (history keeps every version).
 * Other processes pick a change up within a few seconds (the streams' versions are polled).
 */
@Injectable()
export class ReferenceDataService implements OnModuleInit {
  private readonly logger = new Logger('reference-data');
  private current?: ReferenceSnapshot;
  private records?: ReferenceRecords;
  private checkedAt = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onModuleInit(): Promise<void> {
    for (const kind of REFERENCE_KINDS) {
      if ((await this.store.streamVersion(referenceStreamId(kind))) === 0) {
        await this.replace(
          kind,
          SHIPPED_REFERENCE_RECORDS[kind],
          'shipped sample (libs/domain reference data)',
          { actor: 'system' },
          'no_stream',
        ).catch((error: Error) => this.logger.debug(`seed of ${kind} skipped: ${error.message}`));
      }
    }
    await this.reload();
  }

  /** The snapshot in force (refreshed when another process changed it). */
  async snapshot(): Promise<ReferenceSnapshot> {
    if (!this.current || Date.now() - this.checkedAt > REFRESH_MS) await this.refreshIfChanged();
    return this.current as ReferenceSnapshot;
  }

  /** The calendar years in force (as loaded). */
  calendarYears(): readonly CalendarYear[] {
    return this.records?.calendar ?? [];
  }

  /** Validates and records a new set for one kind; returns the new version. Nothing is recorded if invalid. */
  async replace(
    kind: ReferenceKind,
    records: ReferenceSet,
    source: string,
    metadata: Record<string, unknown>,
    expectedVersion: ExpectedVersion = 'any',
    entry?: ReferenceDataReplacedData['entry'],
  ): Promise<number> {
    if (expectedVersion === 'any') await this.refreshIfChanged(); // compare with the version in force, not a stale copy
    // Never empty, nothing of the version in force left out (an end date retires an entry): throws ReferenceDataError.
    checkRegistryReplacement(
      kind,
      this.records ? entryKeys(kind, this.records[kind]) : undefined,
      entryKeys(kind, records),
    );
    const next = { ...(this.records ?? SHIPPED_REFERENCE_RECORDS), [kind]: records } as ReferenceRecords;
    buildSnapshot(next, { units: 0, procedures: 0, calendar: 0 }); // throws on inconsistent data
    const data: ReferenceDataReplacedData = {
      occurredAt: new Date().toISOString(),
      kind,
      source,
      records: [...records] as ReferenceDataReplacedData['records'],
      ...(entry ? { entry } : {}),
    };
    const result = await this.store.append(
      referenceStreamId(kind),
      [{ type: REFERENCE_DATA_REPLACED, schemaVersion: 1, data: { ...data }, metadata }],
      {
        expectedVersion,
      },
    );
    await this.reload();
    return result.nextExpectedVersion;
  }

  /**
   * One entry put into the set in force (a unit, a procedure version, a calendar year): recorded like a whole set —
   * a new version of the kind's stream holding every record, naming the entry — and checked by the same rules.
   * Appended against the version it was merged into (a concurrent change is merged again, never lost); an entry
   * equal to the one in force records nothing.
   */
  async changeEntry(
    kind: ReferenceKind,
    entry: ReferenceEntry,
    source: string,
    metadata: Record<string, unknown>,
  ): Promise<{ version: number; change: EntryChange }> {
    for (let attempt = 1; ; attempt++) {
      await this.refreshIfChanged();
      const version = this.current?.versions[kind] ?? 0;
      const current = (this.records?.[kind] ?? []) as readonly ReferenceEntry[];
      const { records, change } = withEntry(kind, current, entry);
      if (change === 'unchanged') return { version, change };
      const key = entryKey(kind, entry);
      const validFrom = kind === 'calendar' ? undefined : (entry as Procedure).validFrom;
      try {
        const next = await this.replace(
          kind,
          records as ReferenceSet,
          source,
          metadata,
          version === 0 ? 'no_stream' : version,
          { key, ...(validFrom ? { validFrom } : {}), change },
        );
        return { version: next, change };
      } catch (error) {
        if (!isWrongExpectedVersion(error) || attempt >= 5) throw error;
      }
    }
  }

  /** Every version of a kind, oldest first: who recorded it, when, from where, and what it changed. */
  async history(kind: ReferenceKind): Promise<ReferenceVersion[]> {
    return referenceHistory(kind, await this.store.readStream(referenceStreamId(kind)));
  }

  private async refreshIfChanged(): Promise<void> {
    const versions = await Promise.all(REFERENCE_KINDS.map((k) => this.store.streamVersion(referenceStreamId(k))));
    this.checkedAt = Date.now();
    if (!this.current || REFERENCE_KINDS.some((k, i) => this.current?.versions[k] !== versions[i])) await this.reload();
  }

  private async reload(): Promise<void> {
    const records: Record<string, unknown> = {};
    const versions = {} as ReferenceSnapshot['versions'];
    for (const kind of REFERENCE_KINDS) {
      const streamId = referenceStreamId(kind);
      const version = await this.store.streamVersion(streamId);
      const [last] = version > 0 ? await this.store.readStream(streamId, { fromVersion: version }) : [];
      records[kind] = last
        ? (last.data as unknown as ReferenceDataReplacedData).records
        : SHIPPED_REFERENCE_RECORDS[kind];
      versions[kind] = version;
    }
    this.records = records as unknown as ReferenceRecords;
    this.current = buildSnapshot(this.records, versions);
    this.checkedAt = Date.now();
  }
}

/** What identifies an entry across versions: a unit's id, a procedure's code, a calendar's year. */
function entryKeys(
  kind: ReferenceKind,
  records: readonly OrganisationUnit[] | readonly Procedure[] | readonly CalendarYear[],
): string[] {
  if (kind === 'units') return (records as readonly OrganisationUnit[]).map((u) => u.id);
  if (kind === 'procedures') return (records as readonly Procedure[]).map((p) => p.code);
  return (records as readonly CalendarYear[]).map((y) => String(y.year));
}
