import { type LocalDate } from '../time/local-date';

/** A public holiday or compensatory day off (may fall on any day of the week). */
export interface DayOff {
  date: LocalDate;
  name: string;
}

/** A Saturday (or Sunday) officially worked, usually in exchange for a bridge day off. */
export interface WorkingSaturday {
  date: LocalDate;
  /** The weekday given off in exchange, if the swap says so (may lie in the previous year). */
  replaces?: LocalDate;
  name?: string;
}

/**
 * One year of the official working-day calendar for state agencies (Mon–Fri week), as published by the
 * competent ministry (MoLISA until 02/2025, Bộ Nội vụ since) with the Prime Minister's approval.
 */
export interface CalendarYear {
  year: number;
  /** The legal notice(s) the record comes from, e.g. 'Thông báo 5015/TB-LĐTBXH'. */
  notice: string;
  /** Public holidays and compensatory days off; weekend holidays may be listed too (they change nothing). */
  daysOff: DayOff[];
  /** Weekend days that are working days (swaps). */
  workingSaturdays: WorkingSaturday[];
  /** Free-text provenance notes: which parts were checked against which copy, what is unverified. */
  notes?: string;
}
