/** A procedure's legal time limit (thời hạn giải quyết). */
export type TimeLimit =
  | { unit: 'working_days'; amount: number }
  | { unit: 'calendar_days'; amount: number }
  | { unit: 'working_hours'; amount: number }
  | { unit: 'immediate' };

/** A local working session, 'HH:MM'–'HH:MM' (Asia/Ho_Chi_Minh). */
export interface WorkingSession {
  from: string;
  to: string;
}

export interface DueDateRules {
  /** Local 'HH:MM'; a receipt strictly after it counts as received on the next working day. Default '17:00'. */
  cutoff: string;
  /**
   * Working sessions for hour-based limits (8 hours a day). Default 07:00–11:30 and 13:30–17:00, the
   * configurable default seen in Thanh Hóa's `CaculateTime` (domain-research §5.2).
   */
  workingSessions?: readonly WorkingSession[];
}

export const DEFAULT_WORKING_SESSIONS: readonly WorkingSession[] = Object.freeze([
  { from: '07:00', to: '11:30' },
  { from: '13:30', to: '17:00' },
]);

export const DEFAULT_DUE_DATE_RULES: DueDateRules = Object.freeze({
  cutoff: '17:00',
  workingSessions: DEFAULT_WORKING_SESSIONS,
});

export type DeadlineErrorCode = 'time_limit_invalid' | 'instant_invalid' | 'rules_invalid';

export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  constructor(
    readonly code: DeadlineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Minutes since midnight of a 'HH:MM' string, or a DeadlineError. */
export function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new DeadlineError('rules_invalid', `A local time must be 'HH:MM' (got '${time}').`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function checkTimeLimit(limit: TimeLimit): void {
  if (limit.unit === 'immediate') return;
  const whole = limit.unit !== 'working_hours';
  const ok = Number.isFinite(limit.amount) && limit.amount >= 0 && (!whole || Number.isInteger(limit.amount));
  if (!ok) {
    throw new DeadlineError(
      'time_limit_invalid',
      `A ${limit.unit} time limit needs a ${whole ? 'whole ' : ''}number ≥ 0 (got ${String(limit.amount)}).`,
    );
  }
}
