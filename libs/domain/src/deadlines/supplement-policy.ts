import { type WorkingCalendar } from '../calendar';
import { type Instant, type LocalDate } from '../time/local-date';
import { dueDateFor, effectiveReceiptDate } from './due-date';
import { type DueDateRules, type TimeLimit, DEFAULT_DUE_DATE_RULES } from './time-limit';

/**
 * What a request for more documents (Mẫu 02) does to the clock:
 * - `pause`: time already spent counts; the due date moves later by the working days spent waiting
 *   (Decree 61/2018 as first issued);
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

export interface SupplementArgs {
  policy: SupplementPolicy;
  limit: TimeLimit;
  /** The due date before the request (null for immediate procedures). */
  dueDate: LocalDate | null;
  requestedAt: Instant;
  suppliedAt: Instant;
  rules?: DueDateRules;
}

/**
 * The due date once the missing documents arrive.
 * - pause: `dueDate` moved later by the working days in (request day, supply day], both taken as effective
 *   receipt dates (a non-working day or after-cut-off instant counts as the next working day); null stays null;
 * - restart: `dueDateFor(calendar, suppliedAt, limit)` — the full limit again from the supply.
 */
export function dueDateAfterSupplement(calendar: WorkingCalendar, args: SupplementArgs): LocalDate | null {
  const rules = args.rules ?? DEFAULT_DUE_DATE_RULES;
  if (args.policy === 'restart') return dueDateFor(calendar, args.suppliedAt, args.limit, rules);
  if (args.dueDate === null) return null;
  const requested = effectiveReceiptDate(calendar, args.requestedAt, rules);
  const supplied = effectiveReceiptDate(calendar, args.suppliedAt, rules);
  const waited = Math.max(0, calendar.workingDaysBetween(requested, supplied));
  return calendar.addWorkingDays(args.dueDate, waited);
}
