export {
  type TimeLimit,
  type DueDateRules,
  type WorkingSession,
  DEFAULT_DUE_DATE_RULES,
  DEFAULT_WORKING_SESSIONS,
  DeadlineError,
  type DeadlineErrorCode,
} from './time-limit';
export { dueDateFor, effectiveReceiptDate } from './due-date';
export { workingMinutesBetween } from './working-hours';
export {
  type SupplementPolicy,
  type SupplementPolicyVersion,
  type SupplementArgs,
  type CompletedSupplement,
  SUPPLEMENT_POLICY_VERSIONS,
  supplementPolicyOn,
  dueDateAfterSupplement,
} from './supplement-policy';
