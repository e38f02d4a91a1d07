import { type WorkingCalendar } from '../calendar';
import { daysBetween, type Instant, type LocalDate } from '../time/local-date';
import { dueDateFor, effectiveReceiptDate } from './due-date';
import { checkTimeLimit, type DueDateRules, type TimeLimit, DEFAULT_DUE_DATE_RULES } from './time-limit';
import { workingMinutesBetween, workingMinutesEnd } from './working-hours';

/**
 * What a request for more documents (Mẫu 02) does to the clock:
 * - `pause`: time already spent counts; the due date moves later by the time spent waiting, counted in the unit
 *   of the procedure's own time limit (Decree 61/2018 as first issued);
 * - `restart`: the full time limit starts again once the documents are complete ("Thời hạn giải quyết được
 *   tính lại từ đầu sau khi nhận đủ hồ sơ", Decree 61 Art. 19(4) as amended by Decree 107/2021).
 */
export type SupplementPolicy = 'pause' | 'restart';

export interface SupplementPolicyVersion {
  /** First local date the version applies to (the date of the supplement request). */
  from: LocalDate;
  policy: SupplementPolicy;
  version: string;
}

/**
 * Effective-dated versions. Decree 107/2021/NĐ-CP (06/12/2021) takes effect on 20/01/2022. From 01/07/2025
 * Decree 118/2025/NĐ-CP replaces Decrees 61 and 107; its supplement rule is recorded as a separate version
 * that keeps `restart` ([U] in domain-research §11 — re-check the Decree 118/367 wording).
 */
export const SUPPLEMENT_POLICY_VERSIONS: readonly SupplementPolicyVersion[] = Object.freeze([
  { from: '0000-01-01', policy: 'pause', version: 'supplement-pause@decree-61-2018' },
  { from: '2022-01-20', policy: 'restart', version: 'supplement-restart@decree-107-2021' },
  { from: '2025-07-01', policy: 'restart', version: 'supplement-restart@decree-118-2025' },
]);

/** The supplement policy in force on a local date (normally the date of the supplement request). */
export function supplementPolicyOn(date: LocalDate): { policy: SupplementPolicy; version: string } {
  let chosen = SUPPLEMENT_POLICY_VERSIONS[0];
  for (const version of SUPPLEMENT_POLICY_VERSIONS) if (version.from <= date) chosen = version;
  if (!chosen) throw new Error('No supplement policy versions defined.');
  return { policy: chosen.policy, version: chosen.version };
}

/** A completed request for supplementary documents. */
export interface CompletedSupplement {
  requestedAt: Instant;
  suppliedAt: Instant;
}

export interface SupplementArgs {
  policy: SupplementPolicy;
  limit: TimeLimit;
  /** The due date before this request (null for immediate procedures). */
  dueDate: LocalDate | null;
  /** The receipt and the dossier's earlier completed cycles: a pause lengthens the time limit counted from it. */
  receivedAt: Instant;
  earlierSupplements: readonly CompletedSupplement[];
  requestedAt: Instant;
  suppliedAt: Instant;
  rules?: DueDateRules;
}

/**
 * The due date once the missing documents arrive.
 * - pause: the time spent waiting, counted in the unit of the procedure's own time limit, lengthens the limit
 *   (DOMAIN.md § Working days and due dates); see `pausedDueDate`;
 * - restart: `dueDateFor(calendar, suppliedAt, limit)` — the full limit again from the supply.
 */
export function dueDateAfterSupplement(calendar: WorkingCalendar, args: SupplementArgs): LocalDate | null {
  const rules = args.rules ?? DEFAULT_DUE_DATE_RULES;
  if (args.policy === 'restart') return dueDateFor(calendar, args.suppliedAt, args.limit, rules);
  if (args.dueDate === null) return null;
  return pausedDueDate(calendar, args, args.dueDate, rules);
}

/**
 * Under `pause`, each cycle's wait is measured on the limit's own clock and added to it:
 * - working days: the working days in (request day, supply day]; the due date moves by as many working days;
 * - calendar days: the days from the request day to the supply day; the period runs that many days longer from
 *   the receipt, and its end moves to the next working day if it is not one (once, at the end);
 * - working hours: the working minutes (within the working sessions of working days) from the request instant to
 *   the supply instant; the hours run out that much later.
 * Days are taken as effective receipt dates (a non-working day or an after-cut-off instant counts as the next
 * working day), as for the receipt itself. A supply before its request counts as no wait.
 */
function pausedDueDate(
  calendar: WorkingCalendar,
  args: SupplementArgs,
  dueDate: LocalDate,
  rules: DueDateRules,
): LocalDate | null {
  const { limit } = args;
  checkTimeLimit(limit);
  const cycles = [...args.earlierSupplements, { requestedAt: args.requestedAt, suppliedAt: args.suppliedAt }];
  const dayOf = (at: Instant): LocalDate => effectiveReceiptDate(calendar, at, rules);
  switch (limit.unit) {
    case 'immediate':
      return null;
    case 'working_days': {
      // Working-day shifts add up: moving the previous due date is the same as lengthening the limit.
      const waited = Math.max(0, calendar.workingDaysBetween(dayOf(args.requestedAt), dayOf(args.suppliedAt)));
      return calendar.addWorkingDays(dueDate, waited);
    }
    case 'calendar_days': {
      const waited = sum(cycles.map((c) => Math.max(0, daysBetween(dayOf(c.requestedAt), dayOf(c.suppliedAt)))));
      return dueDateFor(calendar, args.receivedAt, { unit: 'calendar_days', amount: limit.amount + waited }, rules);
    }
    case 'working_hours': {
      const waited = sum(
        cycles.map((c) => Math.max(0, workingMinutesBetween(calendar, c.requestedAt, c.suppliedAt, rules))),
      );
      return workingMinutesEnd(calendar, args.receivedAt, Math.round(limit.amount * 60) + waited, rules);
    }
  }
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
