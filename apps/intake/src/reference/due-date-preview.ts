import { Inject, Injectable } from '@nestjs/common';
import {
  CalendarError,
  DOSSIER_ERROR_MESSAGES,
  DossierRejected,
  type TimeLimit,
  dossierError,
  dueDateFor,
  formatWeekdayDate,
  localDateOf,
} from '@app/domain';
import { APP_CONFIG, type AppConfig, ApplicationError } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { businessTime } from '../commands/request-context';
import { dueDateRulesOf } from '../commands/due-date-rules';
import { invalidField, procedureNotFound, unitNotFound } from '../dossiers/intake-errors';

/** What the receipt form shows before saving: the procedure's time limit and the due date the receipt would give. */
export interface DueDatePreview {
  procedureCode: string;
  procedureName: string;
  timeLimit: TimeLimit;
  unitId: string;
  receivedAt: string;
  /** Local date (Asia/Ho_Chi_Minh); null for a procedure whose result is given at once. */
  dueDate: string | null;
  /** 'Thứ Sáu, ngày 04/9/2020', or that the result is given at once. */
  dueDateText: string;
}

export const IMMEDIATE_TEXT = 'Trả kết quả ngay, không có ngày hẹn trả';

/**
 * The due date a receipt at the unit and instant would be given, checked as the receipt checks (DossierCommands.receive:
 * the unit and the procedure version in force that day — any procedure at any unit, as the receipt takes them), then
 * the decider's own dueDateFor with the calendar in force and the installation's rules — what DossierReceived records
 * (decide-receipt), so the form and the Mẫu 01 agree.
 */
@Injectable()
export class DueDatePreviews {
  constructor(
    private readonly reference: ReferenceDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(procedureCode: string, unitId: string | undefined, given: string | undefined): Promise<DueDatePreview> {
    if (!unitId) throw invalidField('unitId', 'isNotEmpty', 'unitId là bắt buộc: đơn vị tiếp nhận hồ sơ.');
    const receivedAt = businessTime('receivedAt', given);
    const day = localDateOf(receivedAt);
    const snapshot = await this.reference.snapshot();
    if (!snapshot.procedures.procedures.some((p) => p.code === procedureCode)) throw procedureNotFound(procedureCode);
    const unit = snapshot.units.unitAt(unitId, day);
    if (!unit) throw unitNotFound('unitId', unitId);
    const procedure = snapshot.procedures.procedureAt(procedureCode, day);
    if (!procedure) throw procedureNotInForce(procedureCode);
    let dueDate: string | null;
    try {
      dueDate = dueDateFor(snapshot.calendar, receivedAt, procedure.timeLimit, dueDateRulesOf(this.config));
    } catch (error) {
      // as the receipt answers it (decide: CALENDAR_NOT_COVERED, 409)
      if (error instanceof CalendarError && error.code === 'calendar_year_not_covered')
        throw new DossierRejected(dossierError('CALENDAR_NOT_COVERED', error.message));
      throw error;
    }
    return {
      procedureCode: procedure.code,
      procedureName: procedure.name,
      timeLimit: procedure.timeLimit,
      unitId: unit.id,
      receivedAt,
      dueDate,
      dueDateText: dueDate === null ? IMMEDIATE_TEXT : formatWeekdayDate(dueDate),
    };
  }
}

/** The decider's PROCEDURE_NOT_IN_FORCE, as a 400 naming the instant that falls outside the procedure's validity. */
const procedureNotInForce = (code: string): ApplicationError => {
  const message = `${DOSSIER_ERROR_MESSAGES.PROCEDURE_NOT_IN_FORCE} Thủ tục "${code}".`;
  return new ApplicationError(400, 'PROCEDURE_NOT_IN_FORCE', message, {
    errors: [{ field: 'receivedAt', rule: 'procedureInForce', message }],
  });
};
