import type { LocalDate } from '@app/domain';

/**
 * One list of a unit's work queue, as the dossier rows say it: the dossiers of `status` whose `unitColumn` is the
 * unit, with a due date in [dueFrom, dueTo] when bounded (a bound leaves out dossiers without a due date).
 */
export interface QueueSelection {
  unitColumn: 'current_unit_id' | 'receiving_unit_id';
  status: string;
  dueFrom?: LocalDate;
  dueTo?: LocalDate;
}

/** What narrows every list (and its count) further; each given field must match. */
export interface QueueFilters {
  procedureCode?: string;
  channel?: string;
  /** The account (username) that recorded the receipt. */
  receivedBy?: string;
  /** Local dates of receipt, both included. */
  receivedFrom?: LocalDate;
  receivedTo?: LocalDate;
  /** A search: dossiers whose code starts with `codePrefix`, or among `dossierIds`. */
  search?: { codePrefix?: string; dossierIds: readonly string[] };
}

/** Where a page ends, in the queue's order (due date ascending, no due date last, then code). */
export interface QueueKey {
  dueDate: LocalDate | null;
  code: string;
}

/** A dossier of the queue, as the row holds it. */
export interface QueueRow {
  dossier_id: string;
  code: string;
  status: string;
  procedure_code: string;
  channel: string;
  receiving_unit_id: string;
  current_unit_id: string;
  received_at: string;
  received_by: string | null;
  due_date: LocalDate | null;
  appointment_date: LocalDate | null;
}
