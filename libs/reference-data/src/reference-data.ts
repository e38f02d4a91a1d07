import {
  type CalendarYear,
  type OrganisationUnit,
  type Procedure,
  type ProcedureCatalogue,
  type UnitRegistry,
  type WorkingCalendar,
  procedureCatalogue,
  unitRegistry,
  workingCalendar,
} from '@app/domain';

/** The reference data in force: units, procedures and the working-day calendar, with the versions they came from. */
export interface ReferenceSnapshot {
  units: UnitRegistry;
  procedures: ProcedureCatalogue;
  calendar: WorkingCalendar;
  versions: Record<ReferenceKind, number>;
}

export const REFERENCE_KINDS = ['units', 'procedures', 'calendar'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** Each kind is one stream of the event log; every load is an event that replaces the whole set. */
export const referenceStreamId = (kind: ReferenceKind): string => `reference-${kind}`;
export const REFERENCE_DATA_REPLACED = 'ReferenceDataReplaced';

export interface ReferenceDataReplacedData {
  occurredAt: string;
  kind: ReferenceKind;
  /** Where the records came from (a file name, "shipped sample"). */
  source: string;
  records: OrganisationUnit[] | Procedure[] | CalendarYear[];
  /** Set when one entry was put in (PUT /reference/{kind}/{key}): which, and whether it was new. */
  entry?: { key: string; validFrom?: string; change: 'added' | 'changed' };
}

export interface ReferenceRecords {
  units: readonly OrganisationUnit[];
  procedures: readonly Procedure[];
  calendar: readonly CalendarYear[];
}

/** Builds the snapshot; throws the domain's ReferenceDataError / CalendarError when the records are inconsistent. */
export function buildSnapshot(records: ReferenceRecords, versions: ReferenceSnapshot['versions']): ReferenceSnapshot {
  return {
    units: unitRegistry(records.units),
    procedures: procedureCatalogue(records.procedures),
    calendar: workingCalendar(records.calendar),
    versions,
  };
}
