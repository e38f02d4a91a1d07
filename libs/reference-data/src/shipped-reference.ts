import { HUE_2020_PROCEDURES, HUE_2020_UNITS, VIETNAM_CALENDAR_YEARS } from '@app/domain';
import type { ReferenceRecords } from './reference-data';

/** What a fresh installation starts with: the domain's sample set (Thừa Thiên Huế 2020) and the 2019–2026 calendar. */
export const SHIPPED_REFERENCE_RECORDS: ReferenceRecords = {
  units: HUE_2020_UNITS,
  procedures: HUE_2020_PROCEDURES,
  calendar: VIETNAM_CALENDAR_YEARS,
};
