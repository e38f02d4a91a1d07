import { type LocalDate, addDays } from '@app/domain';
import type { QueueSelection } from '@app/read-models';

/** The tabs of a unit's work queue, in the order the desk shows them. */
export const QUEUE_TABS = [
  'in_progress',
  'due_today',
  'due_soon',
  'overdue',
  'awaiting_supplement',
  'awaiting_financial_obligation',
  'ready_to_return',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export function isQueueTab(value: unknown): value is QueueTab {
  return typeof value === 'string' && (QUEUE_TABS as readonly string[]).includes(value);
}

/** The days that split the open dossiers: today, and the last day of "due soon" (today + 2 working days). */
export interface QueueDays {
  today: LocalDate;
  soonUntil: LocalDate;
}

/**
 * What each tab lists. "Open" is in progress (the waits on the applicant are their own tabs). The processing tabs
 * are the dossiers whose *current* unit is the unit (where the work is); `ready_to_return` lists the results of the
 * dossiers *received* at the unit (the one-stop counter that took the dossier hands the result back), whatever unit
 * decided them.
 * - in_progress: every open dossier; due_today: due today; overdue: due before today;
 * - due_soon: due after today and at most 2 working days ahead (today < due ≤ soonUntil), so never overdue nor today;
 * - awaiting_supplement / awaiting_financial_obligation: waiting on the applicant;
 * - ready_to_return: result recorded (resolved), not yet handed back.
 */
export function tabSelection(tab: QueueTab, days: QueueDays): QueueSelection {
  const open = { unitColumn: 'current_unit_id', status: 'in_progress' } as const;
  switch (tab) {
    case 'in_progress':
      return open;
    case 'due_today':
      return { ...open, dueFrom: days.today, dueTo: days.today };
    case 'due_soon':
      return { ...open, dueFrom: dayAfter(days.today), dueTo: days.soonUntil };
    case 'overdue':
      return { ...open, dueTo: dayBefore(days.today) };
    case 'awaiting_supplement':
    case 'awaiting_financial_obligation':
      return { unitColumn: 'current_unit_id', status: tab };
    case 'ready_to_return':
      return { unitColumn: 'receiving_unit_id', status: 'resolved' };
  }
}

/** Every tab's selection, for the counts. */
export function allTabSelections(days: QueueDays): Record<QueueTab, QueueSelection> {
  return Object.fromEntries(QUEUE_TABS.map((tab) => [tab, tabSelection(tab, days)])) as Record<
    QueueTab,
    QueueSelection
  >;
}

const dayAfter = (date: LocalDate): LocalDate => addDays(date, 1);
const dayBefore = (date: LocalDate): LocalDate => addDays(date, -1);
