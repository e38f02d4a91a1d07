import type { WorkingCalendar } from '../calendar';
import {
  dueDateAfterSupplement,
  dueDateFor,
  type CompletedSupplement,
  type DueDateRules,
  type SupplementPolicy,
  type TimeLimit,
} from '../deadlines';
import type { Instant, LocalDate } from '../time/local-date';
import type { SupplementCycle } from './state';

/** What decide needs from outside the stream: the published working calendar and the due-date rules. */
export interface DeciderContext {
  calendar: WorkingCalendar;
  dueDateRules?: DueDateRules;
}

export interface DueDateInputs {
  receivedAt: Instant;
  timeLimit: TimeLimit;
  supplementPolicy: SupplementPolicy;
  supplements: readonly SupplementCycle[];
}

/**
 * The classifying due date from scratch: from the receipt, then through every completed supplement cycle under
 * the dossier's supplement policy. Used when a correction changes what the due date depends on.
 */
export function recomputeDueDate(inputs: DueDateInputs, context: DeciderContext): LocalDate | null {
  const rules = context.dueDateRules;
  let dueDate = dueDateFor(context.calendar, inputs.receivedAt, inputs.timeLimit, rules);
  const completed: CompletedSupplement[] = [];
  for (const cycle of inputs.supplements) {
    if (cycle.suppliedAt === null) continue;
    dueDate = dueDateAfterSupplement(context.calendar, {
      policy: inputs.supplementPolicy,
      limit: inputs.timeLimit,
      dueDate,
      receivedAt: inputs.receivedAt,
      earlierSupplements: completed,
      requestedAt: cycle.requestedAt,
      suppliedAt: cycle.suppliedAt,
      rules,
    });
    completed.push({ requestedAt: cycle.requestedAt, suppliedAt: cycle.suppliedAt });
  }
  return dueDate;
}
